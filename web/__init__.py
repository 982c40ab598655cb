"""Templates and static files of the web app, installed as the package `astana_qa.webfiles`."""
