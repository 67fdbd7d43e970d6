"""The Ray engine: the same records as the local engine, failures alone, crashes isolated, Ray lazy.

One local Ray is started for the module (two CPUs); every test that needs it shares it. Without
the ``ray`` package, or where Ray cannot start, those tests are skipped with the reason.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from warta import pipeline
from warta.article import RawDocument, Source
from warta.cli import app
from warta.engines import ray as ray_engine
from warta.ingest import read_inputs

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"


@pytest.fixture(scope="module")
def ray():
    """A local Ray with two CPUs for this module, shut down after it."""
    try:
        ray = ray_engine._import_ray()
    except Exception as error:  # noqa: BLE001 - any reason Ray is unusable here is a skip
        pytest.skip(f"ray is not installed: {error}")
    try:
        started = ray_engine.connect(ray, 2, None)
    except Exception as error:  # noqa: BLE001
        pytest.skip(f"ray cannot start here: {error}")
    from ray import cloudpickle  # Ray serialises with its own copy of cloudpickle

    cloudpickle.register_pickle_by_value(sys.modules[__name__])  # the test's own helpers below
    yield ray
    if started:
        ray.shutdown()


def _records(results) -> list[str]:
    """Each result as the line `warta extract` prints (records) or the failure's place and reason."""
    out = []
    for result in results:
        if isinstance(result, pipeline.Failure):
            out.append(f"FAILED {result.where}: {result.reason}")
        else:
            out.append(json.dumps(result.article.to_dict(), ensure_ascii=False))
    return out


def test_ray_records_equal_the_local_ones_failures_included(ray, tmp_path):
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02 not text")
    inputs = [str(EXAMPLES), str(tmp_path)]
    local = _records(pipeline.run(read_inputs(inputs), workers=1))
    remote = _records(pipeline.run(read_inputs(inputs), workers=2, engine="ray"))
    assert len(local) == 16 + 2
    assert sum(line.startswith("FAILED") for line in local) == 2
    assert remote == local  # byte for byte, the two failures in their places


def test_warta_extract_engine_ray_prints_the_local_output(ray):
    runner = CliRunner()
    path = str(EXAMPLES / "01_kompas_menlu_bertemu.txt")
    local = runner.invoke(app, ["extract", path, "--workers", "1"], catch_exceptions=False)
    remote = runner.invoke(app, ["extract", path, "--engine", "ray"], catch_exceptions=False)
    assert remote.exit_code == 0 and remote.stdout == local.stdout
    assert ray.is_initialized()  # the engine used the Ray it found and left it running


def _die_on_boom(batch: list) -> list:
    if "boom" in batch:
        os._exit(3)  # the worker process dies, as when killed for memory
    return [f"ok {item}" for item in batch]


def test_a_document_that_kills_its_worker_fails_alone(ray):
    batches = [["a", "b"], ["c", "boom", "d"], ["e"]]
    results = list(ray_engine.ordered_map(_die_on_boom, batches, workers=2, crashed=lambda item: f"crashed {item}"))
    assert results == [["ok a", "ok b"], ["ok c", "crashed boom", "ok d"], ["ok e"]]


def test_engine_options_are_checked_before_any_work():
    runner = CliRunner()
    path = str(EXAMPLES / "01_kompas_menlu_bertemu.txt")
    result = runner.invoke(app, ["extract", path, "--engine", "spark"])
    assert result.exit_code == 1 and "unknown engine 'spark'; use local or ray" in result.output
    result = runner.invoke(app, ["extract", path, "--address", "ray://head:10001"])
    assert result.exit_code == 1 and "--address is for --engine ray" in result.output


def test_the_local_engine_never_imports_ray():
    code = ("import sys; from warta import cli, pipeline; from warta.article import RawDocument, Source; "
            "list(pipeline.run([], workers=1)); print('ray' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)})
    assert out.stdout.strip() == "False"


def test_missing_ray_is_a_one_line_error(monkeypatch):
    monkeypatch.setitem(sys.modules, "ray", None)  # import ray now raises ImportError
    with pytest.raises(Exception, match=r"needs the ray package: pip install 'warta\[ray\]'"):
        list(pipeline.run([RawDocument(raw=b"x", source=Source(path="a.txt"), text="x")], engine="ray"))


def test_an_unreachable_cluster_is_a_one_line_error():
    pytest.importorskip("ray")
    path = str(EXAMPLES / "01_kompas_menlu_bertemu.txt")
    result = CliRunner().invoke(app, ["extract", path, "--engine", "ray", "--address", "127.0.0.1:1"])
    assert result.exit_code == 1
    assert "cannot connect to Ray at 127.0.0.1:1" in result.output and "Traceback" not in result.output
