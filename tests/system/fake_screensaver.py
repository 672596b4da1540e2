"""A fake org.freedesktop.ScreenSaver on the session bus named by argv[1]: prints each call."""
import sys

from PySide6.QtCore import ClassInfo, QCoreApplication, QObject, Slot
from PySide6.QtDBus import QDBusAbstractAdaptor, QDBusConnection


@ClassInfo({"D-Bus Interface": "org.freedesktop.ScreenSaver"})
class Saver(QDBusAbstractAdaptor):
    @Slot(str, str, result="uint")
    def Inhibit(self, application, reason):  # noqa: N802
        print(f"Inhibit {application} {reason}", flush=True)
        return 7

    @Slot("uint")
    def UnInhibit(self, cookie):  # noqa: N802
        print(f"UnInhibit {cookie}", flush=True)


app = QCoreApplication([])
bus = QDBusConnection.connectToBus(sys.argv[1], "fake-saver")
owner = QObject()
Saver(owner)
assert bus.registerObject("/org/freedesktop/ScreenSaver", owner)
assert bus.registerService("org.freedesktop.ScreenSaver")
print("ready", flush=True)
app.exec()
