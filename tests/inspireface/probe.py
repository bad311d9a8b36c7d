"""Asks a release of InspireFace's own library what it says: the probe behind
tests/inspireface_sdk.rs and `cargo xtask inspireface` (CONTRIBUTING.md, "A new InspireFace
release").

    python3 tests/inspireface/probe.py PURELIB

PURELIB is the `purelib` folder of an unpacked InspireFace Python SDK wheel (it holds
`inspireface/modules/core/native.py`, the SDK's ctypes declarations of its C API, and
`libInspireFace.so`). The probe loads the library through those declarations, so each call has
the signature and structures of that release, and prints tab-separated lines:

    release  MAJOR.MINOR.PATCH       the library's HFQueryInspireFaceVersion
    herror   NAME  VALUE             every constant of the SDK's herror.py (1.2.3 and later)
    message  NUMBER  TEXT            every number in -1000..100000 that HFGetErrorMessage knows
                                     (1.2.4 and later; it says "Unknown error code" for the rest)
    call     NAME  RESULT            what a call returns without model files: a code, "crashed
                                     SIGNAL" (the call crashed inside InspireFace), or "absent"
                                     (this release has no such function)

Each call runs in a child process of its own, so that a crash or a state left behind (a launched
library, an enabled FeatureHub) cannot touch the next one. The library's own log lines are sent
to /dev/null; only the lines above reach standard output.
"""

import ctypes
import importlib
import os
import signal
import sys
import types
from ctypes import POINTER, byref, c_float, c_int32, c_void_p, cast, create_string_buffer

UNKNOWN_MESSAGE = b"Unknown error code"
MISSING = b"/nonexistent/inspireface-pack"


def load(purelib):
    """The SDK's native module (inspireface.modules.core.native), without the package's
    __init__ (which imports numpy and OpenCV)."""
    for name in ("inspireface", "inspireface.modules"):
        module = types.ModuleType(name)
        module.__path__ = [os.path.join(purelib, *name.split("."))]
        sys.modules[name] = module
    native = importlib.import_module("inspireface.modules.core.native")
    try:
        herror = importlib.import_module("inspireface.modules.herror")
    except ImportError:
        herror = None
    return native, herror


def main():
    purelib = sys.argv[1]
    out = os.fdopen(os.dup(1), "w")
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 1)
    os.dup2(devnull, 2)
    n, herror = load(purelib)

    def emit(*cells):
        out.write("\t".join(str(c) for c in cells) + "\n")

    v = n.HFInspireFaceVersion()
    n.HFQueryInspireFaceVersion(byref(v))
    emit("release", "%d.%d.%d" % (v.major, v.minor, v.patch))
    if herror is not None:
        for name in sorted(vars(herror)):
            value = getattr(herror, name)
            if (name.startswith("HERR_") or name == "HSUCCEED") and isinstance(value, int):
                emit("herror", name, value)
    if hasattr(n, "HFGetErrorMessage"):
        buf = create_string_buffer(256)
        needed = c_int32()
        for number in range(-1000, 100001):
            if n.HFGetErrorMessage(number, buf, len(buf), byref(needed)) == 0 and buf.value != UNKNOWN_MESSAGE:
                emit("message", number, buf.value.decode("utf-8", "replace"))
    for name, call in calls(n):
        emit("call", name, isolated(call))
    out.flush()


def isolated(call):
    """What `call()` returns, run in a child process: its code, "crashed SIGNAL", or "absent"."""
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(read)
        signal.alarm(30)
        try:
            result = str(int(call()))
        except AttributeError:
            result = "absent"
        os.write(write, result.encode())
        os._exit(0)
    os.close(write)
    result = os.read(read, 64).decode()
    os.close(read)
    _, status = os.waitpid(pid, 0)
    if os.WIFSIGNALED(status):
        return "crashed %s" % signal.Signals(os.WTERMSIG(status)).name
    return result or "crashed exit %d" % os.WEXITSTATUS(status)


def calls(n):
    """The calls, each a name and a function of no arguments that returns a code. None needs
    model files: each meets a missing or bad resource pack, a session or FeatureHub that is not
    ready, a feature of the wrong length, or a NULL handle."""

    def feature(length):
        data = (c_float * length)(*([0.5] * length))
        f = n.HFFaceFeature()
        f.size = length
        f.data = cast(data, POINTER(c_float))
        f._keep = data
        return f

    def hub_config(path=None):
        config = n.HFFeatureHubConfiguration()
        if path is not None:
            config.enablePersistence = 1
            config.persistenceDbPath = n.String(path) if hasattr(n, "String") else path
        config.searchThreshold = 0.48
        return config

    def enabled():
        result = n.HFFeatureHubDataEnable(hub_config())
        if result != 0:
            raise RuntimeError("FeatureHub did not enable: %d" % result)

    def identity(length, face_id):
        i = n.HFFaceFeatureIdentity()
        f = feature(length)
        i.feature = ctypes.pointer(f)
        i.id = face_id
        i._keep = f
        return i

    def garbage_pack():
        path = os.path.join(os.environ.get("TMPDIR", "/tmp"), "herr-probe-%d.pack" % os.getpid())
        with open(path, "wb") as f:
            f.write(b"not a resource pack" * 64)
        try:
            return n.HFLaunchInspireFace(path.encode())
        finally:
            os.unlink(path)

    def handle():
        return c_void_p()

    return [
        ("launch with a resource pack that does not exist", lambda: n.HFLaunchInspireFace(MISSING)),
        ("launch with a file that is not a resource pack", garbage_pack),
        ("reload with a resource pack that does not exist", lambda: n.HFReloadInspireFace(MISSING)),
        ("terminate before launch", lambda: n.HFTerminateInspireFace()),
        (
            "validate a resource pack that does not exist",
            lambda: n.HFValidateResourcePack(MISSING, byref(n.HFResourcePackInfo())),
        ),
        (
            "create a session before launch",
            lambda: n.HFCreateInspireFaceSessionOptional(0, 0, 1, -1, -1, byref(handle())),
        ),
        (
            "create a session with parameters before launch",
            lambda: n.HFCreateInspireFaceSession(n.HFSessionCustomParameter(), 0, 1, -1, -1, byref(handle())),
        ),
        (
            "create a session from a zeroed configuration",
            lambda: n.HFCreateInspireFaceSessionV2(byref(n.HFSessionConfigV2()), byref(handle())),
        ),
        ("release a NULL session", lambda: n.HFReleaseInspireFaceSession(None)),
        ("release a NULL image stream", lambda: n.HFReleaseImageStream(None)),
        ("release a NULL image bitmap", lambda: n.HFReleaseImageBitmap(None)),
        ("create an image stream without pixels", lambda: n.HFCreateImageStream(byref(n.HFImageData()), byref(handle()))),
        ("set a NULL image stream's buffer", lambda: n.HFImageStreamSetBuffer(None, None, 0, 0)),
        (
            "create an image bitmap from a file that does not exist",
            lambda: n.HFCreateImageBitmapFromFilePath(b"/nonexistent.jpg", 3, byref(handle())),
        ),
        ("track faces with a NULL session", lambda: n.HFExecuteFaceTrack(None, None, byref(n.HFMultipleFaceData()))),
        ("set a NULL session's preview size", lambda: n.HFSessionSetTrackPreviewSize(None, 192)),
        (
            "run the pipeline with a NULL session",
            lambda: n.HFMultipleFacePipelineProcessOptional(None, None, byref(n.HFMultipleFaceData()), 0),
        ),
        (
            "extract a feature with a NULL session",
            lambda: n.HFFaceFeatureExtract(None, None, n.HFFaceBasicToken(), byref(n.HFFaceFeature())),
        ),
        ("detect quality with a NULL session", lambda: n.HFFaceQualityDetect(None, n.HFFaceBasicToken(), byref(c_float()))),
        (
            "read key points from an empty face token",
            lambda: n.HFGetFaceFiveKeyPointsFromFaceToken(n.HFFaceBasicToken(), (n.HPoint2f * 5)(), 5),
        ),
        ("compare features of different lengths", lambda: n.HFFaceComparison(feature(512), feature(3), byref(c_float()))),
        ("switch to a landmark engine that does not exist", lambda: n.HFSwitchLandmarkEngine(99)),
        ("switch to an image backend that does not exist", lambda: n.HFSwitchImageProcessingBackend(99)),
        (
            "enable FeatureHub with a database path that does not exist",
            lambda: n.HFFeatureHubDataEnable(hub_config(b"/nonexistent/dir/f.db")),
        ),
        ("enable FeatureHub twice", lambda: (enabled(), n.HFFeatureHubDataEnable(hub_config()))[1]),
        ("disable FeatureHub before enabling it", lambda: n.HFFeatureHubDataDisable()),
        (
            "insert a feature while FeatureHub is disabled",
            lambda: n.HFFeatureHubInsertFeature(identity(512, -1), byref(n.HFaceId())),
        ),
        (
            "search while FeatureHub is disabled",
            lambda: n.HFFeatureHubFaceSearch(feature(512), byref(c_float()), byref(n.HFFaceFeatureIdentity())),
        ),
        ("count faces while FeatureHub is disabled", lambda: n.HFFeatureHubGetFaceCount(byref(c_int32()))),
        (
            "insert a 3-float feature into FeatureHub",
            lambda: (enabled(), n.HFFeatureHubInsertFeature(identity(3, -1), byref(n.HFaceId())))[1],
        ),
        (
            "search FeatureHub with a 3-float feature",
            lambda: (
                enabled(),
                n.HFFeatureHubFaceSearch(feature(3), byref(c_float()), byref(n.HFFaceFeatureIdentity())),
            )[1],
        ),
        (
            "get a FeatureHub id that does not exist",
            lambda: (enabled(), n.HFFeatureHubGetFaceIdentity(12345, byref(n.HFFaceFeatureIdentity())))[1],
        ),
        ("remove a FeatureHub id that does not exist", lambda: (enabled(), n.HFFeatureHubFaceRemove(12345))[1]),
        (
            "update a FeatureHub id that does not exist",
            lambda: (enabled(), n.HFFeatureHubFaceUpdate(identity(512, 12345)))[1],
        ),
        (
            "create a face capture session from a zeroed configuration",
            lambda: n.HFCreateFaceCaptureSession(None, byref(n.HFFaceCaptureConfig()), byref(handle())),
        ),
        (
            "finish a NULL face capture session",
            lambda: n.HFFinishFaceCaptureSession(None, byref(n.HFFaceCaptureProgress())),
        ),
        ("reset a NULL face capture session", lambda: n.HFResetFaceCaptureSession(None)),
        ("release a NULL face capture session", lambda: n.HFReleaseFaceCaptureSession(None)),
    ]


if __name__ == "__main__":
    main()
