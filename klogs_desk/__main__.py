"""``python -m klogs_desk``: the same as the ``klogs-desk`` command (also the PyInstaller entry point).

The bundle is also the training sandbox's process: ``klogs-desk --sandbox-process ...`` (see
:mod:`klogs_desk.embedded_sandbox`) runs only :mod:`klogs_desk.sandbox.child`, without Qt. Likewise
``klogs-desk --journal-export ...`` is only the Journal's CSV export process
(:mod:`klogs_desk.domain.journal_export`), and ``klogs-desk --challenge-browser`` the 3-D Secure
challenge's browser process (:mod:`klogs_desk.ui.challenge_browser.child`).
"""

import sys

if __name__ == "__main__":
    if sys.argv[1:2] == ["--sandbox-process"]:
        from klogs_desk.sandbox.child import main as sandbox_main

        sys.exit(sandbox_main(sys.argv[2:]))
    if sys.argv[1:2] == ["--journal-export"]:
        from klogs_desk.domain.journal_export import main as export_main

        sys.exit(export_main(sys.argv[2:]))
    if sys.argv[1:2] == ["--challenge-browser"]:
        from klogs_desk.ui.challenge_browser.child import main as browser_main

        sys.exit(browser_main(sys.argv[2:]))
    import gc

    gc.disable()  # from the start of the imports to the first frame (klogs_desk.app.collect_from_now_on)
    from klogs_desk.app import main

    sys.exit(main())
