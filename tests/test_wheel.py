"""End to end: the phrasebank and the sample reach a real (non-editable) wheel install."""

from __future__ import annotations

import subprocess
import sys
import sysconfig
import venv
from pathlib import Path

import pytest

ROOT = Path(__file__).parent.parent


@pytest.mark.e2e
def test_installed_wheel_drafts_the_bundled_sample(tmp_path: Path) -> None:
    wheels = tmp_path / "wheels"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(wheels),
            str(ROOT),
        ],
        check=True,
    )
    wheel = next(wheels.glob("narrator-*.whl"))
    env_dir = tmp_path / "venv"
    # A venv of its own that sees the running environment's installed packages (pandas,
    # spaCy...) through a .pth file naming their folders. `system_site_packages` would show
    # the base interpreter's packages instead, which in a virtual environment are not these.
    # Folders named in a .pth are added to the path but their own .pth files are not run, so
    # the editable narrator of the checkout stays out of sight.
    venv.EnvBuilder(system_site_packages=False, with_pip=False).create(env_dir)
    python = env_dir / "bin" / "python"
    target = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    here = {sysconfig.get_paths()[key] for key in ("purelib", "platlib")}
    (Path(target) / "_running_env.pth").write_text("\n".join(sorted(here)) + "\n")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "--python",
            str(python),
            "install",
            "--no-deps",
            "-q",
            "--force-reinstall",
            str(wheel),
        ],
        check=True,
    )
    work = tmp_path / "work"
    work.mkdir()
    where = subprocess.run(
        [str(python), "-c", "import narrator, sys; print(narrator.__file__)"],
        cwd=work,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert str(env_dir) in where, "the wheel, not the checkout, must be imported"
    result = subprocess.run(
        [str(env_dir / "bin" / "narrator"), "draft", "--month", "2019-10", "--out", "-"],
        cwd=work,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "4.1.2 The 12 month" in result.stdout
    assert "bundled sample" in result.stderr
