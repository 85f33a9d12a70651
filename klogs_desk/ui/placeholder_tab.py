"""The page shown for a tab whose module is not part of this build yet."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget


class PlaceholderTab(QWidget):
    """A clear "coming soon" page naming the feature, so a cashier never faces an empty tab."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("placeholderTab")
        self.title = title
        heading = QLabel(self.tr("{title}: coming soon").format(title=title))
        heading.setObjectName("placeholderHeading")
        heading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        font = heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        heading.setFont(font)
        body = QLabel(self.tr("This part of the terminal is not available in this version yet.\n"
                              "The other tabs work as usual."))
        body.setAlignment(Qt.AlignmentFlag.AlignCenter)
        body.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(heading)
        layout.addWidget(body)
        layout.addStretch(2)
        self.setAccessibleName(self.tr("{title} (coming soon)").format(title=title))
