"""Render every tab of the main window (and the Settings dialog) to PNG, headless, on the embedded sandbox.

    .venv/bin/python scripts/render_screens.py [output-dir]     # default: docs/screens/

Writes ``<tab>.png`` per tab (sale, preauth, installments, checkout, subscriptions, journal) and
``settings.png``. Uses a throw-away app home, so nothing of a real installation is read or touched.
"""

from __future__ import annotations

import asyncio
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["KLOGS_DESK_HOME"] = tempfile.mkdtemp(prefix="klogs-desk-screens-")
if hasattr(os, "geteuid") and os.geteuid() == 0:
    os.environ.setdefault("QTWEBENGINE_CHROMIUM_FLAGS", "--no-sandbox")

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main(argv: list[str]) -> int:
    import qasync
    from PySide6.QtWidgets import QApplication

    from klogs_desk import paths
    from klogs_desk.config import Config
    from klogs_desk.credentials import CredentialStore
    from klogs_desk.domain.journal import Journal
    from klogs_desk.environments import EmbeddedSandbox, build_client
    from klogs_desk.services.context import AppServices
    from klogs_desk.ui.async_runner import RUNNER
    from klogs_desk.ui.main_window import TAB_SPECS, MainWindow
    from klogs_desk.ui.settings_dialog import SettingsDialog

    out = Path(argv[0]) if argv else ROOT / "docs" / "screens"
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication(sys.argv[:1])
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    sandbox = EmbeddedSandbox()
    config = Config()
    store = CredentialStore(session_only=True)
    journal = Journal(paths.journal_path())
    services = AppServices(client=build_client(config, "sandbox", store.load("sandbox"), sandbox.url()),
                           journal=journal, environment="sandbox", sandbox_url=sandbox.url())
    window = MainWindow(services, config=config, credentials=store, sandbox=sandbox)
    window.resize(1100, 760)
    window.show()

    async def settle() -> None:
        for _ in range(50):  # let tabs finish what they load when shown
            await asyncio.sleep(0.05)
            if RUNNER.running == 0:
                break
        await asyncio.sleep(0.1)

    async def render() -> None:
        await settle()
        for index, spec in enumerate(TAB_SPECS):
            window.tabs.setCurrentIndex(index)
            await settle()
            path = out / f"{spec.key}.png"
            window.grab().save(str(path))
            print(path)
        dialog = SettingsDialog(config, store, sandbox_url=sandbox.url, parent=window)
        dialog.show()
        await settle()
        dialog.grab().save(str(out / "settings.png"))
        print(out / "settings.png")
        dialog.close()

    with loop:
        loop.run_until_complete(render())
        loop.run_until_complete(services.client.aclose())
    window.close()
    sandbox.stop()
    journal.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
