"""Every CLI command has help and is in the README; every flow imports."""

from __future__ import annotations

import importlib
import subprocess
import sys
from pathlib import Path

import pytest

from muniflow.cli import COMMANDS, build_parser

ROOT = Path(__file__).resolve().parents[1]


def _commands() -> list[str]:
    """Every command the parser knows (building it registers the extra command modules too)."""
    return sorted(build_parser()._subparsers._group_actions[0].choices)  # type: ignore[union-attr]


@pytest.mark.parametrize("command", _commands())
def test_command_has_help_and_is_documented(command):
    out = subprocess.run(
        [sys.executable, "-m", "muniflow.cli", command, "--help"],
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    ).stdout
    assert f"usage: muniflow {command}" in out
    assert f"muniflow {command}" in (ROOT / "README.md").read_text(encoding="utf-8")


def test_parser_knows_every_command():
    choices = build_parser()._subparsers._group_actions[0].choices  # type: ignore[union-attr]
    assert set(choices) == set(COMMANDS)


@pytest.mark.parametrize("module", ["flows.ingest", "flows.deployment"])
def test_flows_import(module):
    mod = importlib.import_module(module)
    assert mod.__doc__


def test_every_deployment_entrypoint_is_a_flow_taking_its_parameters():
    """prefect.yaml's entrypoints resolve to Prefect flows whose signatures accept the parameters
    the deployments pass (a renamed flow or parameter breaks `prefect deploy`)."""
    import inspect

    import yaml
    from prefect import Flow

    deployments = yaml.safe_load((ROOT / "prefect.yaml").read_text(encoding="utf-8"))["deployments"]
    assert deployments
    for deployment in deployments:
        file, name = deployment["entrypoint"].split(":")
        module = importlib.import_module(file.removesuffix(".py").replace("/", "."))
        flow = getattr(module, name)
        assert isinstance(flow, Flow), deployment["entrypoint"]
        accepted = inspect.signature(flow.fn).parameters
        assert set(deployment.get("parameters") or {}) <= set(accepted), deployment["name"]
        required = {n for n, p in accepted.items() if p.default is inspect.Parameter.empty}
        assert required <= set(deployment.get("parameters") or {}), deployment["name"]


@pytest.mark.parametrize("action", [(), ("apply",)])
def test_review_help_names_every_decision(action, capsys):
    from muniflow.review.decisions import DECISIONS

    with pytest.raises(SystemExit):
        build_parser().parse_args(["review", *action, "--help"])
    out = capsys.readouterr().out
    assert all(word in out for word in DECISIONS), out
