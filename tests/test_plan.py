"""Declared stages and the pipeline plan: registration, checks when built, skipping after a failure."""

from __future__ import annotations

import dataclasses
import json

import pytest
from typer.testing import CliRunner

from warta import lang, pipeline, plan
from warta.article import Article
from warta.cli import app
from warta.errors import ResourceError
from warta.stage import REGISTRY, Stage


def test_shipped_plan_runs_the_four_stages_with_their_declarations():
    shipped = plan.load(plan.SHIPPED)
    assert shipped.names == ("time", "actors", "quotes", "events", "summary") == pipeline.STAGES
    declared = {s.stage.name: (s.stage.requires, s.stage.fills) for s in shipped.steps}
    assert declared["time"] == ((), ("timex", "reference_date"))
    assert declared["quotes"] == (("entities",), ("quotes",))
    assert "quotes" in declared["events"][0] and "entities" in declared["events"][0]


@pytest.mark.parametrize("stages,message", [
    (["time", "weather"], "no stage named 'weather'"),
    (["time", "actors", "events"], "stage 'events' needs 'quotes', which no stage before it fills (stage quotes fills it)"),
    (["quotes", "actors"], "stage 'quotes' needs 'entities'"),
    (["time", "time"], "stage 'time' is listed twice"),
    ([{"name": "actors", "settings": {"gazeteer": "x.yaml"}}], "stage 'actors' has no setting gazeteer (settings: gazetteer)"),
    ([{"name": "time", "when": "now"}], "unknown key(s) when"),
    (["../etc"], "is not a stage name"),
])
def test_a_wrong_plan_is_refused_when_built(stages, message):
    with pytest.raises(ResourceError) as err:
        plan.build(stages, "my.yaml")
    assert str(err.value).startswith("my.yaml: ") and message in str(err.value)


def test_a_pipeline_file_is_read_and_checked(tmp_path):
    good = tmp_path / "two.yaml"
    good.write_text("stages:\n  - name: time\n  - name: actors\n    settings: {gazetteer: null}\n")
    assert plan.load(good).names == ("time", "actors")
    bad = tmp_path / "bad.yaml"
    bad.write_text("steps: [time]\n")
    with pytest.raises(ResourceError, match="bad.yaml: a pipeline file holds one key, stages"):
        plan.load(bad)


def _stage(name, calls, requires=(), fills=(), fail=False):
    def annotate(article, doc):
        calls.append(name)
        if fail:
            raise RuntimeError("boom")
        return article
    return Stage(name, annotate, tuple(requires), tuple(fills))


def test_the_stages_needing_a_failed_stage_are_skipped_with_the_reason():
    calls: list[str] = []
    steps = (plan.Step(_stage("a", calls, fills=["entities"], fail=True)),
             plan.Step(_stage("b", calls, requires=["entities"], fills=["quotes"])),
             plan.Step(_stage("c", calls, requires=["quotes"])),
             plan.Step(_stage("d", calls)))
    article = plan.Plan(steps).run(Article(body="Teks."), None)
    assert calls == ["a", "d"]  # b and c never run on partial data; d needs nothing of a
    assert article.warnings == ["stage a failed: RuntimeError: boom",
                                "stage b skipped: it needs entities from stage a, which failed",
                                "stage c skipped: it needs quotes from stage b, which was skipped"]
    # the same facts as a structured mark a program can read, and they survive the JSON record
    marks = [(m.stage, m.status, m.cause) for m in article.stage_errors]
    assert marks == [("a", "failed", None), ("b", "skipped", "a"), ("c", "skipped", "b")]
    assert article.stage_errors[0].reason == "RuntimeError: boom"
    record = json.loads(json.dumps(article.to_dict()))
    assert record["stage_errors"][1] == {"stage": "b", "status": "skipped", "cause": "a",
                                         "reason": "it needs entities from stage a, which failed"}
    assert Article.from_dict(record).stage_errors == article.stage_errors


def test_an_article_whose_stages_all_ran_has_no_stage_errors():
    calls: list[str] = []
    article = plan.Plan((plan.Step(_stage("a", calls, fills=["entities"])),)).run(Article(body="Teks."), None)
    assert calls == ["a"] and article.stage_errors == [] and article.to_dict()["stage_errors"] == []


def test_when_the_time_stage_fails_the_others_do_not_run_on_partial_data(monkeypatch):
    def broken(article, doc):
        raise RuntimeError("no calendar")
    monkeypatch.setitem(REGISTRY, "time", dataclasses.replace(REGISTRY["time"], annotate=broken))
    body = "Menlu AS Mike Pompeo bertemu Presiden Rusia Vladimir Putin di Sochi, Selasa (14/5)."
    article = Article(body=body, published="2019-05-16")
    article = pipeline.run_stages(article, lang.blank()(body), ["time", "actors", "quotes", "events"])
    assert article.entities == [] and article.reference_date is None
    assert article.warnings[0] == "stage time failed: RuntimeError: no calendar"
    assert article.warnings[1] == "stage actors skipped: it needs timex from stage time, which failed"
    assert len(article.warnings) == 4
    assert [(m.stage, m.status) for m in article.stage_errors] == [
        ("time", "failed"), ("actors", "skipped"), ("quotes", "skipped"), ("events", "skipped")]


def test_warta_pipeline_names_a_user_plan(tmp_path, monkeypatch):
    mine = tmp_path / "only-time.yaml"
    mine.write_text("stages:\n  - name: time\n")
    monkeypatch.setenv("WARTA_PIPELINE", str(mine))
    body = "Pompeo tiba di Sochi, Selasa (14/5)."
    article = pipeline.run_stages(Article(body=body, published="2019-05-16"), lang.blank()(body))
    assert article.timex and article.entities == []  # time ran, actors was not in the plan


def test_a_wrong_user_plan_stops_the_run_once_with_one_line(tmp_path, monkeypatch):
    mine = tmp_path / "events-only.yaml"
    mine.write_text("stages:\n  - name: events\n")
    monkeypatch.setenv("WARTA_PIPELINE", str(mine))
    texts = [tmp_path / f"{i}.txt" for i in range(3)]
    for path in texts:
        path.write_text("Pompeo bertemu Lavrov di Sochi.", encoding="utf-8")
    result = CliRunner().invoke(app, ["extract", *map(str, texts), "--workers", "1"])
    assert result.exit_code == 1
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert len(lines) == 1 and "events-only.yaml: stage 'events' needs 'entities'" in lines[0]


def test_stages_declare_what_they_run_inside_spacy():
    shipped = {s.stage.name: s.stage for s in plan.load(plan.SHIPPED).steps}
    assert [p.factory for p in shipped["actors"].pipes] == ["warta_entity_split"]
    assert shipped["events"].parse_select == {"@misc": "warta.event_sentences.v1"}
    assert "calendar_words" in shipped["time"].provides
    nlp = pipeline.nlp()
    if "ner" in nlp.pipe_names:  # the trained model: the split follows the NER's clean-up
        assert nlp.pipe_names.index("warta_entity_split") == nlp.pipe_names.index("warta_entity_trim") + 1


def test_a_pipe_needing_what_no_stage_provides_is_refused(monkeypatch):
    actors_only = plan.Plan((plan.Step(REGISTRY["actors"]),))
    with pytest.raises(ResourceError, match="no stage of the pipeline provides 'calendar_words'"):
        pipeline.build_nlp(stages=actors_only)


def test_the_architecture_page_lists_the_declarations():
    from pathlib import Path

    page = (Path(__file__).resolve().parents[1] / "docs" / "architecture.md").read_text(encoding="utf-8")
    for step in plan.load(plan.SHIPPED).steps:
        st = step.stage
        cells = [", ".join(f"`{f}`" for f in fields) or "–" for fields in (st.requires, st.fills)]
        assert f"| `{st.name}` | {cells[0]} | {cells[1]} |" in page, st.name


def test_cli_stages_lists_the_plan_and_checks_a_file(tmp_path):
    result = CliRunner().invoke(app, ["stages", "--json"])
    assert result.exit_code == 0, result.output
    rows = [__import__("json").loads(line) for line in result.stdout.splitlines()]
    assert [r["name"] for r in rows] == list(pipeline.STAGES)
    assert rows[1]["requires"] == ["timex", "reference_date"] and rows[1]["fills"] == ["entities"]
    bad = tmp_path / "bad.yaml"
    bad.write_text("stages:\n  - name: quotes\n")
    result = CliRunner().invoke(app, ["stages", "--pipeline", str(bad)])
    assert result.exit_code == 1 and "bad.yaml: stage 'quotes' needs 'entities'" in result.output


def test_warta_show_prints_the_stage_marks(monkeypatch):
    import io

    from rich.console import Console

    from warta.article import StageMark
    from warta.views import articles as views

    screen = io.StringIO()
    monkeypatch.setattr(views, "out", Console(file=screen, width=200, color_system=None))
    article = Article(body="Teks.", stage_errors=[StageMark("events", "skipped", "it needs quotes from stage quotes, which failed", "quotes")])
    views.print_article(article)
    assert "stage events skipped (after quotes): it needs quotes from stage quotes, which failed" in screen.getvalue()
