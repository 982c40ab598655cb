"""deploy/nginx.conf, the documented proxy in front of `astana-qa serve`, parses and
holds the limits docs/deployment.md promises, matching the app's own."""

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from astana_qa.web.app import MAX_BODY_BYTES

ROOT = Path(__file__).resolve().parents[2]
CONFIG = ROOT / "deploy" / "nginx.conf"


def directives(text: str) -> dict[str, list[str]]:
    """Each directive's values (comments dropped), checking that braces balance and that
    every statement ends with ';' or opens a block."""
    text = re.sub(r"#[^\n]*", "", text)
    found: dict[str, list[str]] = {}
    depth = 0
    for token in re.findall(r"[^;{}]+[;{]|}", text):
        if token == "}":
            depth -= 1
            assert depth >= 0, "unbalanced }"
            continue
        if token.endswith("{"):
            depth += 1
        name, _, value = token[:-1].strip().partition(" ")
        found.setdefault(name, []).append(value.strip())
    assert depth == 0, "unbalanced {"
    assert not re.sub(r"[^;{}]+[;{]|}", "", text).strip(), "a statement lacks ';'"
    return found


def seconds(value: str) -> int:
    number, unit = re.fullmatch(r"(\d+)(s|m)?", value).groups()  # type: ignore[union-attr]
    return int(number) * (60 if unit == "m" else 1)


def test_the_proxy_config_bounds_slow_and_large_clients():
    found = directives(CONFIG.read_text("utf-8"))
    assert seconds(found["client_header_timeout"][0]) <= 10
    assert seconds(found["client_body_timeout"][0]) <= 10
    assert found["client_max_body_size"] == [f"{MAX_BODY_BYTES // 1024}k"]
    assert found["limit_conn"] and found["limit_conn_zone"]
    assert found["limit_req"] and found["limit_req_zone"]
    assert found["proxy_pass"] == ["http://astana_qa"]
    assert "127.0.0.1:8000" in found["server"]


NGINX = shutil.which("nginx") or shutil.which("nginx", path="/usr/sbin")


@pytest.mark.skipif(NGINX is None, reason="nginx is not installed")
def test_nginx_accepts_the_config(tmp_path):
    temp_paths = "".join(
        f"  {kind}_temp_path {tmp_path}/{kind};\n"
        for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
    )
    main = tmp_path / "nginx.conf"
    main.write_text(
        f"pid {tmp_path}/nginx.pid;\nerror_log {tmp_path}/error.log;\nevents {{}}\n"
        f"http {{\n  access_log off;\n{temp_paths}  include {CONFIG};\n}}\n"
    )
    command = [str(NGINX), "-t", "-p", str(tmp_path), "-c", str(main)]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr


def test_the_deployment_notes_name_the_config_and_the_limits():
    notes = (ROOT / "docs" / "deployment.md").read_text("utf-8")
    assert "deploy/nginx.conf" in notes
    for limit in ("max_request_body_size", "REQUEST_DEADLINE_S", "connection_limit"):
        assert limit in notes
