"""Issue 15, batches: bad inputs fail alone at two workers, nothing hangs, nothing is lost.

The end-to-end tests run `warta` in a subprocess, as a user would, at the default worker
count; every example text here is written for these tests.
"""

from __future__ import annotations

import gzip
import io
import json
import os
import pickle
import selectors
import signal
import sqlite3
import stat
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from rich.console import Console
from typer.testing import CliRunner

from warta import pool
from warta.article import RawDocument, Source
from warta.cli import app
from warta.errors import InputError, ResourceError, StageError, WartaError
from warta.extract.published import check_published
from warta.ingest import read_inputs
from warta.ingest.decode import DecodeError

SRC = Path(__file__).resolve().parents[1] / "src"
runner = CliRunner()

# Short made-up stories: distinct bodies, so each is its own article.
PLACES = ["Bogor", "Bandung", "Medan", "Makassar", "Surabaya", "Padang", "Manado", "Ambon", "Kupang", "Jayapura",
          "Palu", "Kendari", "Jambi", "Bengkulu", "Mataram", "Ternate"]
DAYS = ["Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"]


def story(n: int) -> str:
    place, day = PLACES[n % len(PLACES)], DAYS[n % len(DAYS)]
    return (f"Jembatan Baru Nomor {n} Diresmikan di {place}\n\n"
            f"{place.upper()} - Gubernur meresmikan jembatan nomor {n} di {place} pada {day} pagi.\n\n"
            f"Warga {place} menyambut jembatan itu karena perjalanan ke pasar menjadi lebih singkat, "
            f"kata kepala desa setempat kepada wartawan.\n")


def warta(*args: str, input: bytes | None = None, timeout: float = 300, env: dict | None = None):
    """`warta ARGS` in a fresh process, with this checkout's sources, at the default worker count."""
    environ = {**os.environ, "PYTHONPATH": str(SRC), **(env or {})}
    environ.pop("WARTA_WORKERS", None)
    return subprocess.run([sys.executable, "-m", "warta.cli", *args], input=input, capture_output=True,
                          timeout=timeout, env=environ)


def rows(db: Path, query: str) -> list[tuple]:
    with sqlite3.connect(db) as conn:
        return conn.execute(query).fetchall()


# ---------------------------------------------------------------- errors cross processes


@pytest.mark.parametrize("error", [
    InputError("feed.jsonl:3", "malformed JSON line", source=Source(path="feed.jsonl", line=3), raw=b"{bad"),
    InputError("a.txt", "empty input (no text)"),
    StageError("quotes", "a.txt", "too slow"),
    ResourceError("outlets.yaml: bad entry"),
    WartaError("plain message"),
    DecodeError("binary content, not text (NUL bytes)"),
])
def test_every_error_survives_a_pickle_round_trip(error):
    back = pickle.loads(pickle.dumps(error))
    assert type(back) is type(error)
    assert str(back) == str(error)
    assert getattr(back, "__dict__", {}) == getattr(error, "__dict__", {})


def test_input_error_keeps_where_reason_source_and_bytes_across_pickling():
    error = InputError("f.jsonl:2", "bad", source=Source(path="f.jsonl", line=2), raw=b"\x00\x01")
    back = pickle.loads(pickle.dumps(error))
    assert (back.where, back.reason, back.source, back.raw) == ("f.jsonl:2", "bad", Source(path="f.jsonl", line=2), b"\x00\x01")


# ---------------------------------------------------------------- a bad folder at two workers


@pytest.fixture
def bad_folder(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for n in range(3):
        (folder / f"good{n}.txt").write_text(story(n), encoding="utf-8")
    files = {
        "empty.txt": b"",
        "binary.txt": b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8,
        "trunc.html.gz": gzip.compress(b"<html><body><p>Berita singkat hari ini.</p></body></html>" * 40)[:60],
        "huge.txt": b"Kalimat yang terlalu panjang. " * 350_000,  # 10.5 MB: over the 10 MB limit
        "x[/b].txt": story(7).encode("utf-8"),  # console markup in a path: folder "x[", file "b].txt"
    }
    (folder / "x[").mkdir()
    for name, data in files.items():
        (folder / name).write_bytes(data)
    feed = [json.dumps({"title": "Satu", "text": story(10)}), "{not json", json.dumps({"text": story(11)})]
    (folder / "feed.jsonl").write_text("\n".join(feed) + "\n", encoding="utf-8")
    return folder


def test_bad_files_fail_alone_at_two_workers_and_keep_their_bytes(tmp_path, bad_folder):
    db = tmp_path / "w.db"
    result = warta("ingest", str(bad_folder), "--db", str(db))
    err = result.stderr.decode()
    assert result.returncode == 1, err
    assert "Traceback" not in err and "BrokenProcessPool" not in err
    assert "6 added" in err and "5 failed" in err  # 3 good files, x[/b].txt, 2 good JSONL lines
    for line in err.splitlines():
        if line.startswith("Error:"):
            assert line.count(str(bad_folder)) == 1, line  # the path is printed once
    failed = dict(((key, (bytes(raw), error)) for key, raw, error in
                   rows(db, "select key, raw, error from documents where status = 'failed'")))
    expected = {name: (bad_folder / name).read_bytes() for name in ("empty.txt", "binary.txt", "trunc.html.gz", "huge.txt")}
    for name, data in expected.items():
        raw, reason = failed[str(bad_folder / name)]
        assert raw == data and reason and "\n" not in reason
    assert failed[f"{bad_folder / 'feed.jsonl'}:2"][0] == b"{not json"
    assert rows(db, "select count(*) from documents where status = 'ok'") == [(6,)]


def test_retry_reruns_a_fixed_jsonl_line(tmp_path):
    feed = tmp_path / "feed.jsonl"
    feed.write_text(json.dumps({"text": story(1)}) + "\n" + json.dumps({"text": story(2), "published": "2019-13-45"}) + "\n",
                    encoding="utf-8")
    db = str(tmp_path / "w.db")
    first = runner.invoke(app, ["ingest", str(feed), "--db", db, "--workers", "1"])
    assert first.exit_code == 1 and "1 added" in first.output and "1 failed" in first.output
    assert "2019-13-45" in first.output
    feed.write_text(json.dumps({"text": story(1)}) + "\n" + json.dumps({"text": story(2), "published": "2019-12-25"}) + "\n",
                    encoding="utf-8")
    again = runner.invoke(app, ["ingest", "--retry", "--db", db, "--workers", "1"])
    assert again.exit_code == 0, again.output
    assert "1 added, 0 updated, 1 unchanged, 0 failed" in again.output
    assert runner.invoke(app, ["list", "--failed", "--json", "--db", db]).stdout == ""


def test_a_fixed_line_with_a_url_leaves_no_stale_failure(tmp_path):
    feed = tmp_path / "feed.jsonl"
    feed.write_text(json.dumps({"url": "https://contoh.id/berita-1", "text": ""}) + "\n", encoding="utf-8")
    db = str(tmp_path / "w.db")
    assert runner.invoke(app, ["ingest", str(feed), "--db", db, "--workers", "1"]).exit_code == 1
    assert [k for (k,) in rows(Path(db), "select key from documents")] == [f"{feed}:1"]
    feed.write_text(json.dumps({"url": "https://contoh.id/berita-1", "text": story(8)}) + "\n", encoding="utf-8")
    again = runner.invoke(app, ["ingest", "--retry", "--db", db, "--workers", "1"])
    assert again.exit_code == 0, again.output
    assert rows(Path(db), "select key, status from documents") == [("https://contoh.id/berita-1", "ok")]


def test_retry_uses_the_stored_bytes_when_there_is_no_file(tmp_path, monkeypatch):
    db = str(tmp_path / "w.db")
    line = json.dumps({"text": story(3), "published": "kemarin"}) + "\n"
    first = runner.invoke(app, ["ingest", "-", "--db", db, "--workers", "1"], input=line)
    assert first.exit_code == 1 and "<stdin>:1: bad publication date" in first.output
    [(key, raw)] = rows(Path(db), "select key, raw from documents where status = 'failed'")
    assert (key, bytes(raw)) == ("<stdin>:1", line.strip().encode())
    # the stored line is read again: it fails again for the same reason (nothing lost, nothing invented)
    again = runner.invoke(app, ["ingest", "--retry", "--db", db, "--workers", "1"])
    assert again.exit_code == 1 and "<stdin>:1: bad publication date" in again.output


# ---------------------------------------------------------------- readers: FIFOs, folders, streams


def test_a_fifo_in_a_folder_is_skipped_with_a_message(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(story(1), encoding="utf-8")
    os.mkfifo(folder / "pipe.txt")
    skipped = []
    done = []
    reader = threading.Thread(target=lambda: done.extend(read_inputs([str(folder)], on_skip=lambda w, r: skipped.append((w, r)))),
                              daemon=True)
    reader.start()
    reader.join(10)
    assert not reader.is_alive(), "reading a folder with a FIFO hung"
    assert [d.source.path for d in done] == [str(folder / "a.txt")]
    assert skipped == [(str(folder / "pipe.txt"), "not a regular file (a FIFO)")]


def test_ingest_reports_the_skipped_fifo_and_exits_zero(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(story(4), encoding="utf-8")
    os.mkfifo(folder / "pipe")
    result = runner.invoke(app, ["ingest", str(folder), "--db", str(tmp_path / "w.db"), "--workers", "1"])
    err = result.output
    assert result.exit_code == 0, err
    assert f"Skipped: {folder / 'pipe'}: not a regular file (a FIFO)" in err
    assert "1 added" in err and "1 skipped" in err


def test_a_fifo_named_on_the_command_line_is_read_as_a_stream(tmp_path):
    fifo = tmp_path / "feed.jsonl"
    os.mkfifo(fifo)
    lines = (json.dumps({"text": story(5)}) + "\n\n" + json.dumps({"text": story(6)}) + "\n").encode()
    writer = threading.Thread(target=lambda: fifo.write_bytes(lines), daemon=True)
    writer.start()
    docs = list(read_inputs([str(fifo)]))
    writer.join(10)
    assert [(d.source.line, d.text) for d in docs] == [(1, story(5)), (3, story(6))]


def test_a_named_fifo_nobody_writes_to_is_skipped(tmp_path, monkeypatch):
    from warta.ingest import readers

    fifo = tmp_path / "silent"
    os.mkfifo(fifo)
    monkeypatch.setattr(readers, "FIFO_WAIT", 0.3)
    skipped = []
    assert list(read_inputs([str(fifo)], on_skip=lambda w, r: skipped.append((w, r)))) == []
    assert skipped == [(str(fifo), "a FIFO nothing was written to in 0.3 s")]


def test_an_unreadable_folder_is_reported(tmp_path, monkeypatch):
    folder = tmp_path / "in"
    (folder / "locked").mkdir(parents=True)
    (folder / "a.txt").write_text(story(1), encoding="utf-8")
    real = os.scandir

    def scandir(path):  # chmod 000 does not stop root, so the refusal is simulated
        if Path(path).name == "locked":
            raise PermissionError(13, "Permission denied")
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)
    items = list(read_inputs([str(folder)]))
    assert isinstance(items[0], RawDocument)
    assert isinstance(items[1], InputError)
    assert (items[1].where, items[1].reason) == (str(folder / "locked"), "cannot read the folder: Permission denied")


def test_stdin_jsonl_is_streamed_line_by_line():
    class Feed(io.BytesIO):
        """A stdin that counts how far it was read."""

    lines = "".join(json.dumps({"text": story(n)}) + "\n" for n in range(200)).encode()
    feed = Feed(lines)
    from warta.ingest.readers import read_stream

    stream = read_stream(feed, "<stdin>")
    first = next(stream)
    assert first.source.line == 1 and first.text == story(0)
    assert feed.tell() < len(lines) // 10  # the rest is still unread
    assert len(list(stream)) == 199


def test_an_over_size_jsonl_line_is_never_held_whole(tmp_path):
    feed = tmp_path / "feed.jsonl"
    feed.write_bytes(b'{"text": "' + b"a" * 5000 + b'"}\n' + json.dumps({"text": story(2)}).encode() + b"\n")
    out = list(read_inputs([str(feed)], max_bytes=1000))
    assert isinstance(out[0], InputError) and out[0].where == f"{feed}:1"
    assert out[0].reason == "over the size limit: line of 5,013 bytes, the limit is 1,000"
    assert out[0].raw.startswith(b"{\"text\": \"aaaa")
    assert isinstance(out[1], RawDocument) and out[1].source.line == 2


# ---------------------------------------------------------------- the pool: order, bounds, crashes, parent death


def _double(batch):
    return [x * 2 for x in batch]


def _die_on_13(batch):
    if 13 in batch:
        os._exit(3)  # a worker killed in the middle of a batch (out of memory, a crash in C)
    return [x * 2 for x in batch]


def test_ordered_map_keeps_order_and_reads_ahead_a_bounded_amount():
    pulled = []

    def source():
        for n in range(1000):
            pulled.append(n)
            yield n

    results = pool.ordered_map(_double, pool.Feed(source(), 1, ahead=2), workers=2, crashed=lambda x: None, window=4)
    assert next(results) == [0]
    assert len(pulled) <= 4 + 2 + 2  # in flight, queued, being put
    assert [r[0] for r in results] == [2 * n for n in range(1, 1000)]


def _read_through(feed: pool.Feed) -> pool.Feed:
    deadline = time.monotonic() + 10
    while not feed._read.is_set() and time.monotonic() < deadline:  # the thread reads every item
        time.sleep(0.01)
    return feed


def test_the_end_of_the_input_goes_in_small_batches_when_asked():
    assert list(_read_through(pool.Feed(range(10), 16, tail=4))) == [[0, 1, 2, 3], [4, 5, 6, 7], [8, 9]]
    assert list(_read_through(pool.Feed(range(10), 16))) == [list(range(10))]  # without tail: one batch


def test_a_result_comes_back_while_the_feed_waits_for_input():
    more = threading.Event()

    def slow_feed():  # a pipe: two documents, then nothing until `more` is set
        yield 1
        yield 2
        more.wait(60)
        yield 3

    results = pool.ordered_map(_double, pool.Feed(slow_feed(), 16), workers=2, crashed=lambda x: None)
    assert next(results) == [2, 4]  # not held back until the batch of 16 is full
    more.set()
    assert list(results) == [[6]]


def test_a_worker_death_costs_only_the_document_that_caused_it():
    batches = [list(range(n, n + 4)) for n in range(0, 24, 4)]
    out = [x for batch in pool.ordered_map(_die_on_13, batches, workers=2, crashed=lambda x: ("crashed", x))
           for x in batch]
    assert out == [2 * n if n != 13 else ("crashed", 13) for n in range(24)]


WATCHED = """
import os, sys, time
sys.path.insert(0, {src!r})
from warta.pool import Feed, ordered_map
def slow(batch):
    print("worker", os.getpid(), flush=True)
    time.sleep(120)
    return batch
def crashed(item):  # a worker died under this item, even alone: said on stderr, for the test's message
    print("a worker died under item", item, file=sys.stderr, flush=True)
    return item
if __name__ == "__main__":
    for _ in ordered_map(slow, Feed(range(4), 1), workers=2, crashed=crashed, preload={preload!r}):
        pass
    print("the pool ended", file=sys.stderr, flush=True)
"""


PRELOADED = """
import json, os, sys
from functools import partial
sys.path.insert(0, {src!r})
from warta.pool import Feed, ordered_map
def where(parent, batch):  # was the module preloaded? is this worker a child of the pool's owner?
    return [["wave" in sys.modules, os.getppid() == parent] for _ in batch]
def die(batch):
    os._exit(3)
def run(fn, n, workers=2):
    return [r for b in ordered_map(fn, Feed(range(n), 2), workers=workers, crashed=str, preload=("wave",)) for r in b]
if __name__ == "__main__":
    here = partial(where, os.getpid())
    out = {{"first": run(here, 4), "again": run(here, 2), "crashed": run(die, 2, 1), "restarted": run(here, 2)}}
    os.environ["WARTA_SOMETHING"] = "changed"
    out["changed"] = run(here, 2)
    out["parent"] = "wave" in sys.modules
    print(json.dumps(out))
"""


def test_preloaded_modules_are_imported_once_in_a_server_the_workers_are_forked_from(tmp_path):
    script = tmp_path / "preloaded.py"
    script.write_text(PRELOADED.format(src=str(SRC)))
    done = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    out = json.loads(done.stdout)
    forked = [True, False]  # the module is there; the worker's parent is the server, not the owner
    assert out["first"] == [forked] * 4 and out["again"] == [forked] * 2
    assert out["crashed"] == ["0", "1"]  # each document alone killed its worker: both given up
    assert out["restarted"] == [forked] * 2
    assert out["changed"] == [[False, True]] * 2  # another environment: spawned by the owner, no preload
    assert out["parent"] is False  # the owner itself never imported it


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().split(")")[-1].split()[0]
    except FileNotFoundError:
        return False
    return state != "Z"


def _read(stream, *, lines: int | None = None, seconds: float) -> str:
    """What ``stream`` (a pipe) gives within ``seconds``, up to its end or ``lines`` lines."""
    data = b""
    deadline = time.monotonic() + seconds
    with selectors.DefaultSelector() as selector:
        selector.register(stream, selectors.EVENT_READ)
        while (lines is None or data.count(b"\n") < lines) and (left := deadline - time.monotonic()) > 0:
            if not selector.select(left):
                continue
            chunk = os.read(stream.fileno(), 65536)
            if not chunk:  # its end: the process and everything that held the pipe are gone
                break
            data += chunk
    return data.decode(errors="replace")


@pytest.mark.skipif(not Path("/proc").is_dir(), reason="needs /proc")
@pytest.mark.parametrize("preload", [(), ("wave",)], ids=["spawned", "forked-from-a-server"])
def test_workers_die_when_their_parent_is_killed(tmp_path, preload):
    script = tmp_path / "watched.py"
    script.write_text(WATCHED.format(src=str(SRC), preload=preload))
    parent = subprocess.Popen([sys.executable, str(script)], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        lines = _read(parent.stdout, lines=2, seconds=120).splitlines()[:2]
        if len(lines) < 2:
            try:  # the end of its output: the parent has ended, or ends now
                ended = parent.wait(timeout=10)
            except subprocess.TimeoutExpired:
                ended = None
            parent.kill()
            parent.wait()
            said = f"stderr {_read(parent.stderr, seconds=10)[-1500:]!r}"
            if ended is not None and ended < 0:  # what this test does, done by someone else: nothing to check
                pytest.skip(f"the pool's parent was killed by signal {-ended} from outside the test before both "
                            f"workers started; {said}")
            # the pool ended (its workers died at start, see 'a worker died under item'), raised, or hangs
            pytest.fail(f"the workers did not both start ({lines}); the pool's parent: "
                        f"{'still running after 130 s' if ended is None else f'exit {ended}'}; {said}")
        workers = {int(line.split()[1]) for line in lines}
        os.kill(parent.pid, signal.SIGKILL)
        parent.wait()
    finally:
        parent.kill()
        parent.wait()
    deadline = time.time() + 10
    while time.time() < deadline and any(_alive(pid) for pid in workers):
        time.sleep(0.2)
    assert not any(_alive(pid) for pid in workers)


def _descendants(pid: int) -> set[int]:
    """Children, grandchildren...: the workers are forked from a fork server, the ingest's child."""
    found = set()
    try:
        for task in Path(f"/proc/{pid}/task").iterdir():
            found |= {int(c) for c in (task / "children").read_text().split()}
    except FileNotFoundError:  # it ended meanwhile
        return found
    for child in list(found):
        found |= _descendants(child)
    return found


@pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="needs /proc")
def test_kill_9_mid_ingest_then_rerun_stores_every_document_once(tmp_path):
    # a feed on stdin that is never closed: the ingest cannot finish before it is killed
    lines = [json.dumps({"text": story(n)}) + "\n" for n in range(12)]
    db = tmp_path / "w.db"
    environ = {**os.environ, "PYTHONPATH": str(SRC)}
    environ.pop("WARTA_WORKERS", None)
    ingest = subprocess.Popen([sys.executable, "-m", "warta.cli", "ingest", "-", "--db", str(db)],
                              stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=environ)
    try:
        ingest.stdin.write("".join(lines[:4]).encode())
        ingest.stdin.flush()
        deadline = time.time() + 240
        stored = 0
        while time.time() < deadline and ingest.poll() is None and stored < 4:
            time.sleep(0.3)
            try:
                stored = rows(db, "select count(*) from documents")[0][0]
            except sqlite3.Error:
                continue
        assert ingest.poll() is None and stored == 4, f"ingest ended or stalled ({stored} stored)"
        ingest.stdin.write("".join(lines[4:10]).encode())  # these are in the workers when the kill comes
        ingest.stdin.flush()
        time.sleep(1)
        workers = _descendants(ingest.pid)
        assert len(workers) >= 3, "no worker processes"  # the fork server, its workers (and a resource tracker)
        ingest.kill()
        ingest.wait()
        ingest.stdin.close()
    finally:  # never leave the ingest (or, through it, its workers) behind
        ingest.kill()
        ingest.wait()
    deadline = time.time() + 10
    while time.time() < deadline and any(_alive(pid) for pid in workers):
        time.sleep(0.2)
    assert not any(_alive(pid) for pid in workers), "worker processes outlived their parent"
    rerun = runner.invoke(app, ["ingest", "-", "--db", str(db), "--workers", "1"], input="".join(lines))  # in this process
    assert rerun.exit_code == 0, rerun.output
    assert " unchanged, 0 failed" in rerun.output
    assert rows(db, "pragma integrity_check") == [("ok",)]
    keys = rows(db, "select key from documents where status = 'ok'")
    assert sorted(k for (k,) in keys) == sorted(f"<stdin>:{n}" for n in range(1, 13))
    assert rows(db, "select count(*), count(distinct document) from articles") == [(12, 12)]


# ---------------------------------------------------------------- published dates


@pytest.mark.parametrize("value,expected", [
    ("2019-05-12", "2019-05-12"),
    ("2019-05-12T09:30:00+07:00", "2019-05-12T09:30:00+07:00"),
    ("1900-01-01", "1900-01-01"),
    ("Minggu, 12 Mei 2019 09:30 WIB", "2019-05-12T09:30:00+07:00"),
    ("12 Mei 2019", "2019-05-12"),
])
def test_published_accepts_iso_and_printed_dates(value, expected):
    assert check_published(value) == expected


@pytest.mark.parametrize("value", ["kemarin", "2019-13-45", "0000-00-00", "10000-01-01", "9999-12-31T23:59:59+07:00",
                                   "1899-12-31", "", "12 Mei 2019 atau kemarin lusa entah kapan"])
def test_published_refuses_what_is_not_a_date(value):
    with pytest.raises(ValueError):
        check_published(value)


def test_a_bad_published_field_fails_that_line_only(tmp_path):
    feed = tmp_path / "feed.jsonl"
    feed.write_text("\n".join(json.dumps({"text": story(n), "published": p}) for n, p in
                              enumerate(["2019-05-12", "0000-00-00", "9999-12-31T23:59:59+07:00"])) + "\n", encoding="utf-8")
    db = str(tmp_path / "w.db")
    result = runner.invoke(app, ["ingest", str(feed), "--db", db, "--workers", "1"])
    assert result.exit_code == 1
    assert "1 added" in result.output and "2 failed" in result.output
    assert f"{feed}:2: bad publication date: '0000-00-00'" in result.output
    stored = [json.loads(line) for line in runner.invoke(app, ["list", "--json", "--db", db]).stdout.splitlines()]
    assert [row["published"] for row in stored] == ["2019-05-12"]


def test_published_option_is_checked(tmp_path):
    result = runner.invoke(app, ["ingest", str(tmp_path), "--published", "2019-02-30", "--db", str(tmp_path / "w.db")])
    assert result.exit_code == 1 and "--published: '2019-02-30' is not a valid ISO 8601 date" in result.output


# ---------------------------------------------------------------- views


NASTY = ["Judul [/] dengan [bold]markup[/bold]", "Judul \x1b[31mmerah\x1b[0m dan bel \x07", "[link=file:///etc]klik[/link]"]


@pytest.fixture
def nasty_db(tmp_path):
    feed = tmp_path / "nasty.jsonl"
    feed.write_text("\n".join(json.dumps({"title": t, "text": story(20 + n)}) for n, t in enumerate(NASTY)) + "\n",
                    encoding="utf-8")
    db = str(tmp_path / "w.db")
    result = runner.invoke(app, ["ingest", str(feed), "--db", db, "--workers", "1"])
    assert result.exit_code == 0, result.output
    return db


def test_list_and_show_print_markup_and_escape_codes_as_text(nasty_db, monkeypatch):
    from warta.views import articles as views

    listed = runner.invoke(app, ["list", "--db", nasty_db])
    assert listed.exit_code == 0
    lines = listed.stdout.splitlines()
    assert lines[0].split("\t") == ["id", "published", "outlet", "title", "ent.", "ev."]  # piped: TSV
    titles = {line.split("\t")[3] for line in lines[1:]}
    assert titles == {NASTY[0], "Judul \\x1b[31mmerah\\x1b[0m dan bel \\x07", NASTY[2]}
    assert "\x1b" not in listed.stdout and "\x07" not in listed.stdout
    ids = [line.split("\t")[0] for line in lines[1:]]
    for article_id in ids:
        shown = runner.invoke(app, ["show", article_id, "--db", nasty_db])
        assert shown.exit_code == 0 and "\x1b" not in shown.stdout
    # on a terminal: a rich table, with the markup shown as written
    screen = io.StringIO()
    monkeypatch.setattr(views, "out", Console(file=screen, force_terminal=True, width=200, color_system=None))
    assert runner.invoke(app, ["list", "--db", nasty_db]).exit_code == 0
    assert "Judul [/] dengan [bold]markup[/bold]" in screen.getvalue()
    assert "\x1b[31m" not in screen.getvalue()
    for article_id in ids:
        assert runner.invoke(app, ["show", article_id, "--db", nasty_db]).exit_code == 0
    assert "[link=file:///etc]klik[/link]" in screen.getvalue()


def test_stories_print_markup_titles_as_text(nasty_db, monkeypatch):
    from warta.views import stories as views

    listed = runner.invoke(app, ["stories", "--db", nasty_db, "--json"])
    assert listed.exit_code == 0, listed.output
    ids = [json.loads(line)["id"] for line in listed.stdout.splitlines()]
    assert ids
    screen = io.StringIO()
    monkeypatch.setattr(views, "out", Console(file=screen, force_terminal=True, width=200, color_system=None))
    assert runner.invoke(app, ["stories", "--db", nasty_db]).exit_code == 0
    for story_id in ids:
        assert runner.invoke(app, ["story", story_id, "--db", nasty_db]).exit_code == 0
    assert "[/]" in screen.getvalue() and "\x1b[31m" not in screen.getvalue()


def test_events_actor_wildcards_match_nothing(tmp_path):
    from warta.store.events import query
    from warta.store import Store, schema

    with Store.open(tmp_path / "w.db") as store:
        with store.engine.begin() as conn:
            conn.execute(schema.documents.insert().values(key="a.txt", raw_sha="0", status="ok", ingested_at="now",
                                                          updated_at="now", article_id="a1"))
            conn.execute(schema.articles.insert().values(id="a1", document="a.txt", record="{}", stored_at="now"))
            conn.execute(schema.events.insert(), [
                dict(article_id="a1", type="CONSULT", source_actor="RUSGOV", target_actor="USA", negated=False, planned=False),
                dict(article_id="a1", type="CONSULT", source_actor="IDN", target_actor="JPN", negated=False, planned=False),
            ])
        assert query(store.engine, actor="%") == []
        assert query(store.engine, actor="_US") == []
        assert [r.source_actor for r in query(store.engine, actor="RUS")] == ["RUSGOV"]


def test_version():
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0 and result.stdout.startswith("warta ")


def test_an_unexpected_error_is_one_line(monkeypatch, capsys):
    from warta import cli

    def broken():
        raise RuntimeError("boom")

    monkeypatch.setattr(cli, "app", broken)
    monkeypatch.delenv("WARTA_DEBUG", raising=False)
    with pytest.raises(SystemExit) as exit_:
        cli.run()
    assert exit_.value.code == 1
    assert "Error: RuntimeError: boom" in capsys.readouterr().err


def test_a_closed_pipe_is_a_quiet_exit(monkeypatch, capsys):
    from warta import cli

    def reader_went_away():
        raise BrokenPipeError(32, "Broken pipe")

    monkeypatch.setattr(cli, "app", reader_went_away)
    with pytest.raises(SystemExit) as exit_:
        cli.run()
    assert exit_.value.code == 141 and capsys.readouterr().err == ""


def test_non_regular_files_are_described():
    from warta.ingest.readers import _describe

    assert _describe(stat.S_IFIFO) == "a FIFO" and _describe(stat.S_IFSOCK) == "a socket"


PIPELINE_POOL = """
import gc, json, os, sys
sys.path.insert(0, {src!r})
from warta import pipeline, plan, pool
from warta.article import RawDocument, Source
made = []
context, load = pool._context, plan.load
def recorded(preload):  # the start method of each pool's workers
    chosen = context(preload)
    made.append(chosen.get_start_method())
    return chosen
def loading(*args):
    made.append("plan")
    return load(*args)
pool._context, plan.load = recorded, loading
if __name__ == "__main__":
    docs = [RawDocument(Source(path=f"{{n}}.txt"), text=f"Presiden bertemu menteri di Bogor pada Senin. Nomor {{n}}.")
            for n in range(3)]
    before = gc.get_freeze_count()
    ids = [r.article.id for r in pipeline.run(docs, workers=2)]
    frozen = gc.get_freeze_count()
    again = [r.article.id for r in pipeline.run(docs[:1], workers=2)]
    print(json.dumps({{"made": made, "ids": len(set(ids)), "server": pool._server_key is not None,
                      "frozen": [before, frozen, gc.get_freeze_count()], "again": again == ids[:1]}}))
"""


def test_the_pipeline_starts_its_fork_server_before_loading_the_plan_and_forks_every_worker_from_it(tmp_path):
    # started first, the server loads the model while the command checks the pipeline file; the imports
    # of that check (spaCy's dependencies set KMP_DUPLICATE_LIB_OK) must not make the pool spawn instead
    script = tmp_path / "pipeline_pool.py"
    script.write_text(PIPELINE_POOL.format(src=str(SRC)))
    done = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    out = json.loads(done.stdout.splitlines()[-1])
    assert out["server"] and out["ids"] == 3 and out["again"]
    assert out["made"][0] == "forkserver" and "plan" in out["made"], out["made"]
    assert set(out["made"]) == {"forkserver", "plan"}, out["made"]
    # the parent put what the plan check imported out of the collector's sight (its exit does not
    # scan it again), once: the second run froze nothing more
    before, frozen, after = out["frozen"]
    assert before == 0 and frozen > 10_000 and after == frozen, out["frozen"]
