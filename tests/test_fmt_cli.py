"""``argmap fmt`` through its command line: in place, --check, --diff, standard input, and
files it must leave as they were."""

from __future__ import annotations

import errno
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from argmap.cli import main

MESSY = 'thesis   t :"T."\n    + e\nevidence e: "E."   # a comment\n'
TIDY = 'thesis t: "T."\n  + e\n\nevidence e: "E."  # a comment\n'


def fmt(*args: str, input: str | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, ["fmt", *args], input=input)
    return result.exit_code, result.stdout, result.stderr


def test_in_place(tmp_path: Path) -> None:
    path = tmp_path / "m.arg"
    path.write_text(MESSY, encoding="utf-8")
    code, out, err = fmt(str(path))
    assert (code, out) == (0, "")
    assert f"reformatted {path}" in err and "1 file reformatted" in err
    assert path.read_text(encoding="utf-8") == TIDY
    code, out, err = fmt(str(path))
    assert code == 0 and "0 files reformatted, 1 file already formatted." in err


def test_check_lists_what_would_change_and_changes_nothing(tmp_path: Path) -> None:
    messy, tidy = tmp_path / "messy.arg", tmp_path / "tidy.arg"
    messy.write_text(MESSY, encoding="utf-8")
    tidy.write_text(TIDY, encoding="utf-8")
    code, out, err = fmt("--check", str(messy), str(tidy))
    assert (code, out) == (1, f"would reformat {messy}\n")
    assert "1 file would be reformatted, 1 file already formatted." in err
    assert messy.read_text(encoding="utf-8") == MESSY
    assert fmt("--check", str(tidy))[0] == 0


def test_diff(tmp_path: Path) -> None:
    path = tmp_path / "m.arg"
    path.write_text(MESSY, encoding="utf-8")
    code, out, _ = fmt("--diff", str(path))
    assert code == 1
    assert out.startswith(f"--- {path} (original)\n+++ {path} (formatted)\n@@")
    assert out.endswith(
        '-evidence e: "E."   # a comment\n+thesis t: "T."\n+  + e\n+\n+evidence e: "E."  # a comment\n'
    )
    assert path.read_text(encoding="utf-8") == MESSY


def test_standard_input_to_standard_output() -> None:
    assert fmt("-", input=MESSY)[:2] == (0, TIDY)
    assert fmt("--check", "-", input=MESSY)[:2] == (1, "would reformat <stdin>\n")


def test_a_folder_stands_for_its_maps(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    for name in ("a.arg", "sub/b.arg", "notes.txt"):
        (tmp_path / name).write_text(MESSY, encoding="utf-8")
    code, _, err = fmt(str(tmp_path))
    assert code == 0 and "2 files reformatted" in err
    assert (tmp_path / "sub" / "b.arg").read_text(encoding="utf-8") == TIDY
    assert (tmp_path / "notes.txt").read_text(encoding="utf-8") == MESSY


def test_windows_line_ends_and_a_byte_order_mark_go(tmp_path: Path) -> None:
    path = tmp_path / "m.arg"
    path.write_bytes(b"\xef\xbb\xbf" + TIDY.replace("\n", "\r\n").encode())
    assert fmt(str(path))[0] == 0
    assert path.read_bytes() == TIDY.encode()


def test_a_map_that_does_not_parse_is_left_as_it_was(tmp_path: Path) -> None:
    broken, good = tmp_path / "broken.arg", tmp_path / "good.arg"
    text = 'claim a: "x\nclaim b "y"\n'
    broken.write_text(text, encoding="utf-8")
    good.write_text(MESSY, encoding="utf-8")
    code, out, err = fmt(str(broken), str(good))
    assert code == 2 and out == ""
    assert f"{broken}:1:10: error: E101 this quoted text is not closed" in err
    assert f"{broken}:2:9: error: E101 expected" in err
    assert f"{broken}: not formatted: it has syntax errors (see above)" in err
    assert broken.read_text(encoding="utf-8") == text
    assert good.read_text(encoding="utf-8") == TIDY  # the others are formatted all the same


def test_a_bad_escape_is_a_syntax_error(tmp_path: Path) -> None:
    path = tmp_path / "m.arg"
    path.write_text('claim a: "a \\q b"\n', encoding="utf-8")
    code, _, err = fmt(str(path))
    assert code == 2
    assert '1:13: error: E101 "\\q" is not an escape the language knows' in err


def test_files_that_cannot_be_read(tmp_path: Path) -> None:
    latin = tmp_path / "latin.arg"
    latin.write_bytes(b'claim a: "caf\xe9"\n')
    code, _, err = fmt(str(latin), str(tmp_path / "missing.arg"))
    assert code == 2
    assert "E100 the file is not UTF-8 text: byte 0xe9" in err
    assert "missing.arg: error: no such file" in err
    assert latin.read_bytes() == b'claim a: "caf\xe9"\n'


@pytest.mark.parametrize(
    ("data", "said", "shown"),
    [
        (b'claim a: "caf\xe9"\n', "byte 0xe9 cannot be read", '   1 | claim a: "caf\ufffd"'),
        ('claim a: "x"\n'.encode("utf-16-be"), "UTF-16", '   1 | claim a: "x"'),
    ],
)
def test_a_map_that_is_not_utf8_is_reported_as_check_reports_it(
    tmp_path: Path, data: bytes, said: str, shown: str
) -> None:
    path = tmp_path / "m.arg"
    path.write_bytes(data)
    code, _, err = fmt(str(path))
    assert code == 2
    assert f"{path}:1:" in err and " E100 " in err and said in err
    assert shown in err.splitlines()
    assert path.read_bytes() == data


def test_a_symbolic_link_is_followed_and_its_target_written(tmp_path: Path) -> None:
    target, link = tmp_path / "target.arg", tmp_path / "link.arg"
    target.write_text(MESSY, encoding="utf-8")
    link.symlink_to(target.name)
    code, _, err = fmt(str(link))
    assert code == 0 and f"reformatted {link}" in err
    assert link.is_symlink() and target.read_text(encoding="utf-8") == TIDY


def test_a_read_only_map_is_left_as_it_was_and_the_others_are_formatted(tmp_path: Path) -> None:
    read_only, other = tmp_path / "ro.arg", tmp_path / "other.arg"
    for path in (read_only, other):
        path.write_text(MESSY, encoding="utf-8")
    read_only.chmod(0o444)
    code, _, err = fmt(str(read_only), str(other))
    assert code == 2
    assert err.splitlines() == [
        f"{read_only}: error: the file is read-only, so it is not replaced: make it writable "
        f"(chmod u+w {read_only})",
        f"reformatted {other}",
        "1 file reformatted, 0 files already formatted, 1 file could not be formatted (see above).",
    ]
    assert read_only.read_text(encoding="utf-8") == MESSY
    assert stat.S_IMODE(read_only.stat().st_mode) == 0o444
    assert other.read_text(encoding="utf-8") == TIDY


def test_a_failed_write_says_why_in_words_for_fmt(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "m.arg"
    path.write_text(MESSY, encoding="utf-8")

    def full(*_: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "replace", full)
    code, _, err = fmt(str(path))
    assert code == 2
    assert err.splitlines()[0] == f"{path}: error: the disk is full: make some room"
    assert path.read_text(encoding="utf-8") == MESSY and os.listdir(tmp_path) == ["m.arg"]


@pytest.mark.parametrize(
    ("check", "summary"),
    [
        ([], "2 files reformatted, 1 file already formatted"),
        (["--check"], "2 files would be reformatted, 1 file already formatted"),
    ],
)
def test_the_summary_counts_the_maps_that_could_not_be_formatted(
    tmp_path: Path, check: list[str], summary: str
) -> None:
    for name, text in [
        ("a.arg", MESSY),
        ("b.arg", MESSY),
        ("c.arg", TIDY),
        ("broken1.arg", 'claim a "x"\n'),
        ("broken2.arg", 'claim a "x"\n'),
    ]:
        (tmp_path / name).write_text(text, encoding="utf-8")
    code, _, err = fmt(*check, str(tmp_path))
    assert code == 2
    assert err.endswith(f"{summary}, 2 files could not be formatted (see above).\n")


def test_a_folder_without_maps_is_an_error_as_for_check(tmp_path: Path) -> None:
    (tmp_path / "empty" / "sub").mkdir(parents=True)
    (tmp_path / "empty" / "notes.txt").write_text("no map")
    code, out, err = fmt(str(tmp_path / "empty"))
    assert (code, out) == (2, "")
    assert err.splitlines() == [
        f"{tmp_path / 'empty'}: error: this folder holds no .arg file, here or below",
        "0 files reformatted, 0 files already formatted, 1 file could not be formatted "
        "(see above).",
    ]


def test_standard_input_alone_gets_no_summary() -> None:
    code, out, err = fmt("-", input='claim a "x"\n')
    assert (code, out) == (2, "")
    assert err.endswith("<stdin>: not formatted: it has syntax errors (see above)\n")


def test_the_program() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "argmap", "fmt", "-"],
        input=MESSY,
        capture_output=True,
        text=True,
        check=False,
    )
    assert (result.returncode, result.stdout) == (0, TIDY)
