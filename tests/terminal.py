"""A command run in a real terminal (tmux), typed into key by key as an editor would."""

from __future__ import annotations

import shlex
import shutil
import subprocess
import time
import uuid
from pathlib import Path

EXIT_MARK = "exit status:"


class Terminal:
    """A tmux session of its own (its own server socket), running one command."""

    def __init__(self, command: list[str], cwd: Path, environment: dict[str, str]) -> None:
        tmux = shutil.which("tmux")
        assert tmux is not None, "tmux is needed for the terminal tests: apt-get install tmux"
        self.tmux = [tmux, "-L", f"deepscopie-{uuid.uuid4().hex}", "-f", "/dev/null"]
        variables = " ".join(f"{name}={shlex.quote(value)}" for name, value in environment.items())
        # The shell stays after the command so that its exit status can be read on the screen.
        script = f"env {variables} {shlex.join(command)}; echo {EXIT_MARK} $?; sleep 600"
        subprocess.run(
            [*self.tmux, "new-session", "-d", "-x", "160", "-y", "60", "-c", str(cwd), script],
            check=True,
        )

    def screen(self) -> str:
        """Everything the terminal shows, history included."""
        return subprocess.run(
            [*self.tmux, "capture-pane", "-p", "-J", "-S", "-2000"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout

    def wait_for(self, text: str, seconds: float = 20) -> str:
        """The screen once it shows ``text`` (fails with the screen after ``seconds``)."""
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            screen = self.screen()
            if text in screen:
                return screen
            time.sleep(0.1)
        raise AssertionError(f"{text!r} never appeared on the screen:\n{self.screen()}")

    def type(self, text: str, *, enter: bool = True) -> None:
        """Type ``text`` (literally), then Enter."""
        if text:
            subprocess.run([*self.tmux, "send-keys", "-l", text], check=True)
        if enter:
            self.key("Enter")

    def key(self, name: str) -> None:
        """Press a key by its tmux name: ``Enter``, ``Tab``, ``C-c``, ``C-d``."""
        subprocess.run([*self.tmux, "send-keys", name], check=True)

    def answer(self, question: str, text: str, *, enter: bool = True, seconds: float = 20) -> None:
        """Wait until the cursor waits after ``question`` (the last line shown), then answer."""
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            if self.last_line().startswith(question):
                self.type(text, enter=enter)
                return
            time.sleep(0.05)
        raise AssertionError(f"never asked {question!r}:\n{self.screen()}")

    def last_line(self) -> str:
        lines = [line for line in self.screen().splitlines() if line.strip()]
        return lines[-1] if lines else ""

    def exit_status(self, seconds: float = 20) -> int:
        screen = self.wait_for(EXIT_MARK, seconds)
        return int(screen.split(EXIT_MARK, 1)[1].split()[0])

    def close(self) -> None:
        subprocess.run([*self.tmux, "kill-server"], check=False, capture_output=True)
