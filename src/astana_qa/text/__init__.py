"""Text: reading articles, splitting sentences, analysing words, and the features
(dates, numbers, names) that both articles and questions need. Imports no other layer."""
