"""The yardstick for ``cold_start.py``: a bare PySide6 main window with six tabs of simple forms.

Launched the same way as the terminal (a fresh ``python`` process); once its event loop has had one pass
after ``show()`` it prints ``window interactive at <epoch seconds>`` and quits, as ``klogs-desk`` does
with ``KLOGS_DESK_EXIT_WHEN_SHOWN=1``. No klogs_desk import: this is what any PySide6 app pays.
"""

import sys
import time

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QFormLayout,
    QLineEdit,
    QMainWindow,
    QPushButton,
    QTabWidget,
    QWidget,
)


def form(title: str) -> QWidget:
    page = QWidget()
    layout = QFormLayout(page)
    for label in ("Amount", "Currency", "Card holder", "Card number", "Expiry", "Reference"):
        layout.addRow(f"{title} {label}", QLineEdit())
    combo = QComboBox()
    combo.addItems(["TRY", "USD", "EUR"])
    layout.addRow("Choice", combo)
    layout.addRow(QPushButton("Go"))
    return page


def main() -> int:
    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    tabs = QTabWidget()
    for title in ("Sale", "Pre-authorization", "Installments", "Checkout", "Subscriptions", "Journal"):
        tabs.addTab(form(title), title)
    window.setCentralWidget(tabs)
    window.resize(1100, 720)
    window.show()

    def report() -> None:
        print(f"window interactive at {time.time():.3f} cpu {time.process_time() * 1000:.0f} ms", flush=True)
        app.quit()

    QTimer.singleShot(0, report)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
