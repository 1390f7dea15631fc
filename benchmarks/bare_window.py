"""The yardstick: a bare PySide6 window with six big buttons, shown, then closed."""

import os
import sys
import time

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QGridLayout, QPushButton, QWidget

app = QApplication(sys.argv[:1])
window = QWidget()
grid = QGridLayout(window)
for i in range(6):
    button = QPushButton(f"Choice {i + 1}")
    button.setMinimumSize(240, 160)
    grid.addWidget(button, i // 3, i % 3)
window.resize(1280, 720)
window.show()


def shown() -> None:
    print("shown", *([time.process_time()] if cpu else []), flush=True)
    app.quit()


cpu = os.environ.get("COMPANION_EXIT_AFTER_SHOWN") == "cpu"
if os.environ.get("COMPANION_EXIT_AFTER_SHOWN"):
    QTimer.singleShot(0, shown)
app.exec()
