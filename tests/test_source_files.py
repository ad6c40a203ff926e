"""Source texts are read safely: only regular files of a bounded size, never blocking, only
from the map's folder tree (or a folder the user allows), and ``--source`` as the user says."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from argmap.cli import main
from argmap.cli.textfile import MAX_TEXT_BYTES
from tests.conftest import ROOT, SHARED

QUOTING = """\
source column "The column"
  file "{file}"
thesis t: "Relations are better than they seem."
  + evidence e: "The statement was neutral."
    quote column "neutral and constructive"
"""


def check(*args: str, input: str | None = None) -> tuple[int, dict[str, Any], str]:
    """``argmap check ARGS --format json``: exit code, the JSON document, standard error."""
    result = CliRunner().invoke(main, ["check", *args, "--format", "json"], input=input)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, json.loads(result.stdout), result.stderr


def q502(document: dict[str, Any]) -> str:
    (message,) = [d["message"] for d in document["diagnostics"] if d["code"] == "Q502"]
    assert isinstance(message, str)
    return message


def a_map(folder: Path, file: str, name: str = "m.arg") -> str:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(QUOTING.format(file=file), encoding="utf-8")
    return str(path)


# -- only regular files, of a bounded size --------------------------------------------------


def test_a_device_given_with_source_is_refused_not_read_until_memory_runs_out(
    tmp_path: Path,
) -> None:
    code, document, _ = check(a_map(tmp_path, "column.txt"), "--source", "column=/dev/zero")
    assert code == 1
    assert q502(document).startswith(
        'the file "/dev/zero" given with --source column is a device, not a text file'
    )


def test_a_device_in_an_allowed_folder_is_refused(tmp_path: Path) -> None:
    code, document, _ = check(a_map(tmp_path, "/dev/zero"), "--allow-source-folder", "/dev")
    assert code == 1 and "is a device, not a text file: argmap reads only files" in q502(document)


def test_a_named_pipe_is_refused_without_blocking(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "column.txt")
    command = [sys.executable, "-m", "argmap", "check", a_map(tmp_path, "column.txt")]
    done = subprocess.run(command, capture_output=True, text=True, timeout=60, check=False)
    assert done.returncode == 1
    assert "is a named pipe, not a text file" in done.stdout


def test_a_source_larger_than_the_limit_is_refused(tmp_path: Path) -> None:
    with open(tmp_path / "column.txt", "wb") as big:  # sparse: takes no room on the disk
        big.truncate(MAX_TEXT_BYTES + 1)
    code, document, _ = check(a_map(tmp_path, "column.txt"))
    assert code == 1
    assert f"is larger than {MAX_TEXT_BYTES >> 20} MB, the most argmap reads" in q502(document)


# -- paths validated before use ----------------------------------------------------------------


def test_a_nul_in_a_file_path_is_a_plain_finding_not_a_crash(tmp_path: Path) -> None:
    code, document, err = check(a_map(tmp_path, "a\\u0000b.txt"))
    assert code == 1 and "internal error" not in err
    assert "cannot be a file name: it contains a NUL character" in q502(document)


def test_a_nul_in_an_allowed_folder_is_a_settings_error(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.argmap]\nallow-source-folders = ["a\\u0000"]\n')
    result = CliRunner().invoke(main, ["check", a_map(tmp_path, "column.txt")])
    assert result.exit_code == 2 and "contains a NUL character" in result.stderr


# -- only from the map's folder tree, unless allowed -------------------------------------------


def test_a_map_cannot_show_the_environment_in_an_annotation(tmp_path: Path) -> None:
    path = a_map(tmp_path, "/proc/self/environ")
    Path(path).write_text(
        Path(path).read_text().replace("neutral and constructive", "ARGMAP_SECRET=hunter"),
        encoding="utf-8",
    )
    env = {**os.environ, "ARGMAP_SECRET": "hunter2-do-not-print"}
    command = [sys.executable, "-m", "argmap", "check", path, "--format", "github"]
    done = subprocess.run(command, capture_output=True, text=True, env=env, check=False)
    assert "hunter2" not in done.stdout + done.stderr
    assert "Q502" in done.stdout and "Q501" not in done.stdout
    assert "outside the map's folder" in done.stdout


def test_a_path_out_of_the_map_folder_is_refused_with_how_to_allow_it(tmp_path: Path) -> None:
    (tmp_path / "texts").mkdir()
    (tmp_path / "texts" / "column.txt").write_text("neutral and constructive\n")
    path = a_map(tmp_path, "../texts/column.txt", name="maps/m.arg")
    code, document, _ = check(path)
    texts = tmp_path / "texts"
    assert code == 1
    assert q502(document) == (
        f'the file "../texts/column.txt" named under source "column" (looked for at '
        f"{texts / 'column.txt'}) is outside the map's folder {tmp_path / 'maps'}: a map may "
        "read only files in its own folder and below; to allow it, run argmap check with "
        f'--allow-source-folder {texts}, or add "{texts}" to allow-source-folders under '
        '[tool.argmap] in pyproject.toml; the quote of source "column" was not checked'
    )
    assert check(path, "--allow-source-folder", str(texts))[0] == 0
    assert check(path, "--source", f"column={texts / 'column.txt'}")[0] == 0  # the user's own


def test_a_symbolic_link_out_of_the_map_folder_is_refused(tmp_path: Path) -> None:
    (tmp_path / "secret.txt").write_text("neutral and constructive\n")
    (tmp_path / "maps").mkdir()
    (tmp_path / "maps" / "column.txt").symlink_to(tmp_path / "secret.txt")
    code, document, _ = check(a_map(tmp_path, "column.txt", name="maps/m.arg"))
    assert code == 1
    assert f"leads to {tmp_path / 'secret.txt'}, outside the map's folder" in q502(document)


def test_a_symbolic_link_within_the_map_folder_is_read(tmp_path: Path) -> None:
    (tmp_path / "texts").mkdir()
    (tmp_path / "texts" / "real.txt").write_text("neutral and constructive\n")
    (tmp_path / "column.txt").symlink_to(tmp_path / "texts" / "real.txt")
    assert check(a_map(tmp_path, "column.txt"))[0] == 0


def test_allow_source_folders_in_the_settings_is_a_path_from_the_settings_file(
    tmp_path: Path,
) -> None:
    (tmp_path / "shared").mkdir()
    (tmp_path / "shared" / "column.txt").write_text("neutral and constructive\n")
    project = tmp_path / "project"
    path = a_map(project, "../../shared/column.txt", name="maps/m.arg")
    assert check(path)[0] == 1
    (project / "pyproject.toml").write_text('[tool.argmap]\nallow-source-folders = ["../shared"]\n')
    assert check(path)[0] == 0
    assert check(path, "--no-config")[0] == 1


@pytest.mark.parametrize("value", ['"../shared"', '[""]', "[1]"])
def test_allow_source_folders_must_be_a_list_of_folders(tmp_path: Path, value: str) -> None:
    (tmp_path / "pyproject.toml").write_text(f"[tool.argmap]\nallow-source-folders = {value}\n")
    result = CliRunner().invoke(main, ["check", a_map(tmp_path, "column.txt")])
    assert result.exit_code == 2
    assert "allow-source-folders must be a list of folders" in result.stderr


def test_allow_source_folder_must_name_a_folder(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        main, ["check", a_map(tmp_path, "c.txt"), "--allow-source-folder", str(tmp_path / "no")]
    )
    assert result.exit_code == 2 and "there is no such folder" in result.stderr


@pytest.mark.skipif(
    not (SHARED / "sources").is_dir(), reason="the column's text (../shared/sources) is absent"
)
def test_the_flagship_map_checks_its_quotes_from_the_repository_root() -> None:
    command = [sys.executable, "-m", "argmap", "check", "maps/precarious-balance.arg"]
    done = subprocess.run(
        [*command, "--format", "json"], capture_output=True, text=True, cwd=ROOT, check=False
    )
    found = {d["code"] for d in json.loads(done.stdout)["diagnostics"]}
    assert not found & {"Q501", "Q502", "Q505"}, done.stdout


# -- --source and the exit code (one --source for a batch of maps) ----------------------------


def test_a_source_no_map_declares_is_an_error_in_the_json_too(tmp_path: Path) -> None:
    (tmp_path / "column.txt").write_text("neutral and constructive\n")
    code, document, err = check(a_map(tmp_path, "column.txt"), "--source", "colum=x.txt")
    assert code == 2
    assert document["summary"]["exit_code"] == 2
    assert 'no map declares a source "colum" (did you mean "column"?)' in err


def test_a_source_given_to_a_batch_applies_to_the_maps_that_declare_it(tmp_path: Path) -> None:
    (tmp_path / "elsewhere.txt").write_text("neutral and constructive\n")
    quoting = a_map(tmp_path, "missing.txt")
    plain = tmp_path / "plain.arg"
    plain.write_text('thesis t: "T."\n  + assumption a: "A."\n')
    code, document, err = check(
        quoting, str(plain), "--source", f"column={tmp_path / 'elsewhere.txt'}"
    )
    assert (code, err) == (0, "")
    assert document["summary"]["exit_code"] == 0
    assert document["diagnostics"] == []
