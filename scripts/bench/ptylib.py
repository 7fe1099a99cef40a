"""Runs the workbench in a pseudo-terminal and times what appears on it."""
import fcntl, os, pty, re, select, signal, struct, subprocess, termios, threading, time
from benchlib import *

KEYS = {
    "C-q": b"\x11", "C-r": b"\x12", "C-g": b"\x07", "C-p": b"\x10", "C-o": b"\x0f",
    "Esc": b"\x1b", "Enter": b"\r", "Tab": b"\t", "Down": b"\x1bOB", "Up": b"\x1bOA",
    "M-2": b"\x1b2", "M-3": b"\x1b3", "M-5": b"\x1b5", "M-d": b"\x1bd", "BS": b"\x7f",
}


def _controlling_tty():
    # The child is a session leader (start_new_session): make the pty its terminal, as a shell would.
    fcntl.ioctl(0, termios.TIOCSCTTY, 0)


class Workbench:
    """The release binary in a pty of the given size; a thread keeps reading its output."""

    def __init__(self, env, width=120, height=40, args=()):
        self.first_frame_file = os.path.join(env.get("REFRACT_SESSIONS", "/tmp"), "..", f"first-frame-{os.getpid()}-{time.time_ns()}")
        env = dict(env, TERM="xterm-256color", REFRACT_FIRST_FRAME_FILE=self.first_frame_file)
        master, slave = pty.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", height, width, 0, 0))
        self.launched_ns = time.time_ns()
        self.proc = subprocess.Popen([REFRACT, *args], stdin=slave, stdout=slave, stderr=slave, env=env,
                                     start_new_session=True, preexec_fn=_controlling_tty, cwd=env.get("BENCH_CWD", ROOT))
        os.close(slave)
        self.master = master
        self.lock = threading.Lock()
        self.chunks = []  # (monotonic time, bytes)
        self.size = 0
        self.data = bytearray()
        self.closed = False
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self):
        while True:
            try:
                b = os.read(self.master, 65536)
            except OSError:
                b = b""
            if not b:
                self.closed = True
                return
            t = time.perf_counter()
            with self.lock:
                self.chunks.append((t, len(self.data)))
                self.data += b

    def first_frame_ms(self, timeout=20):
        end = time.time() + timeout
        while time.time() < end:
            try:
                with open(self.first_frame_file) as f:
                    text = f.read().strip()
                if text:
                    os.remove(self.first_frame_file)
                    return (int(text) - self.launched_ns) / 1e6
            except OSError:
                pass
            time.sleep(0.001)
        raise RuntimeError("no first frame; the screen said: " + bytes(self.data[-2000:]).decode(errors="replace"))

    def mark(self):
        with self.lock:
            return len(self.data)

    def send(self, keys):
        os.write(self.master, KEYS.get(keys, keys.encode() if isinstance(keys, str) else keys))

    def wait_for(self, needle, since, timeout=10):
        """Time (perf_counter) at which `needle` (bytes, str or a bytes regex) first appears in the output after byte offset `since`."""
        end = time.perf_counter() + timeout
        needle = needle.encode() if isinstance(needle, str) else needle
        while time.perf_counter() < end:
            with self.lock:
                if isinstance(needle, re.Pattern):
                    m = needle.search(self.data, since)
                    i, length = (m.start(), m.end() - m.start()) if m else (-1, 0)
                else:
                    i, length = self.data.find(needle, since), len(needle)
                if i >= 0:
                    # The read that brought the needle's last byte in.
                    last = i + length - 1
                    for t, start in reversed(self.chunks):
                        if start <= last:
                            return t
            time.sleep(0.0005)
        return None

    def wait_quiet(self, quiet=0.3, timeout=60):
        """Waits until no output for `quiet` seconds; returns the time of the last output."""
        end = time.perf_counter() + timeout
        while time.perf_counter() < end:
            with self.lock:
                last = self.chunks[-1][0] if self.chunks else 0
            if time.perf_counter() - last >= quiet:
                return last
            time.sleep(0.01)
        return None

    def cpu(self):
        return proc_cpu(self.proc.pid)

    def rss_peak_mb(self):
        return proc_rss_peak_mb(self.proc.pid)

    def quit(self):
        try:
            self.send("C-q")
            self.proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            # A stream still running makes C-q ask first: answer, else terminate the process we started.
            self.send("y")
            try:
                self.proc.wait(timeout=5)
            except subprocess.TimeoutExpired:
                self.proc.terminate()
                self.proc.wait(timeout=5)
        os.close(self.master)
