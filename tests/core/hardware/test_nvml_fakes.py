"""A scriptable stand-in for the pynvml module, for the NVML failure paths a real GPU cannot produce on demand.

Only the failing-NVML paths use it (unsupported fields, a GPU lost mid-session, MIG, a stub
library); the no-NVML path is tested against the real bindings on a machine without a driver.
"""

from __future__ import annotations

from types import SimpleNamespace


class FakeNVMLError(Exception):
    def __init__(self, value: int, text: str = "") -> None:
        self.value = value
        super().__init__(text or f"NVML error {value}")


NOT_SUPPORTED, GPU_IS_LOST, FUNCTION_NOT_FOUND, LIBRARY_NOT_FOUND, DRIVER_NOT_LOADED = 3, 15, 13, 12, 9


class FakePynvml:
    """Module-like object: attribute access finds nvml* functions built from `gpus` dicts."""

    NVMLError = FakeNVMLError
    NVML_ERROR_NOT_SUPPORTED = NOT_SUPPORTED
    NVML_ERROR_GPU_IS_LOST = GPU_IS_LOST
    NVML_ERROR_FUNCTION_NOT_FOUND = FUNCTION_NOT_FOUND
    NVML_ERROR_LIBRARY_NOT_FOUND = LIBRARY_NOT_FOUND
    NVML_ERROR_DRIVER_NOT_LOADED = DRIVER_NOT_LOADED

    def __init__(self, gpus: list[dict] | None = None, init_error: int | None = None, missing: tuple[str, ...] = ()):
        self.gpus = gpus if gpus is not None else []
        self.init_error = init_error
        self.failing: dict[tuple[int, str], int] = {}  # (gpu index, function) -> error code
        self.lost: set[int] = set()
        self.missing = set(missing)  # functions absent from these bindings
        self.init_calls = 0
        self.calls: list[str] = []

    def __getattr__(self, name: str):
        if name in self.missing or not name.startswith("nvml"):
            raise AttributeError(name)
        handler = getattr(type(self), "_" + name, None)
        if handler is None:
            raise AttributeError(name)

        def call(*args):
            self.calls.append(name)
            return handler(self, *args)

        return call

    def fail(self, index: int, function: str, code: int = NOT_SUPPORTED) -> None:
        self.failing[(index, function)] = code

    def _check(self, handle: int, function: str) -> dict:
        if handle in self.lost:
            raise FakeNVMLError(GPU_IS_LOST, "GPU is lost")
        code = self.failing.get((handle, function))
        if code is not None:
            raise FakeNVMLError(code, {NOT_SUPPORTED: "Not Supported", FUNCTION_NOT_FOUND: "Function Not Found"}.get(code, ""))
        return self.gpus[handle]

    # module-level
    def _nvmlInit(self):
        self.init_calls += 1
        if self.init_error is not None:
            raise FakeNVMLError(self.init_error, "NVML Shared Library Not Found" if self.init_error == LIBRARY_NOT_FOUND else "")

    def _nvmlShutdown(self):
        return None

    def _nvmlSystemGetDriverVersion(self):
        return "550.54.15"

    def _nvmlSystemGetCudaDriverVersion_v2(self):
        return 12040

    def _nvmlDeviceGetCount(self):
        return len(self.gpus)

    def _nvmlDeviceGetHandleByIndex(self, index):
        if index in self.lost:
            raise FakeNVMLError(GPU_IS_LOST, "GPU is lost")
        return index

    # per device: each reads a key of the GPU's dict
    def _nvmlDeviceGetName(self, h):
        return self._check(h, "nvmlDeviceGetName")["name"].encode()  # older bindings return bytes

    def _nvmlDeviceGetUUID(self, h):
        return self._check(h, "nvmlDeviceGetUUID")["uuid"]

    def _nvmlDeviceGetMemoryInfo(self, h):
        gpu = self._check(h, "nvmlDeviceGetMemoryInfo")
        return SimpleNamespace(total=gpu["memory_total"], used=gpu["memory_used"], free=gpu["memory_total"] - gpu["memory_used"])

    def _nvmlDeviceGetCudaComputeCapability(self, h):
        return self._check(h, "nvmlDeviceGetCudaComputeCapability")["cc"]

    def _nvmlDeviceGetAttributes(self, h):
        return SimpleNamespace(multiprocessorCount=self._check(h, "nvmlDeviceGetAttributes")["sms"])

    def _nvmlDeviceGetNumGpuCores(self, h):
        return self._check(h, "nvmlDeviceGetNumGpuCores")["cores"]

    def _nvmlDeviceGetMemoryBusWidth(self, h):
        return self._check(h, "nvmlDeviceGetMemoryBusWidth")["bus"]

    def _nvmlDeviceGetMaxClockInfo(self, h, clock):
        return self._check(h, "nvmlDeviceGetMaxClockInfo")["max_clocks"][clock]

    def _nvmlDeviceGetClockInfo(self, h, clock):
        return self._check(h, "nvmlDeviceGetClockInfo")["clocks"][clock]

    def _nvmlDeviceGetMaxPcieLinkGeneration(self, h):
        return self._check(h, "nvmlDeviceGetMaxPcieLinkGeneration")["pcie"][0]

    def _nvmlDeviceGetMaxPcieLinkWidth(self, h):
        return self._check(h, "nvmlDeviceGetMaxPcieLinkWidth")["pcie"][1]

    def _nvmlDeviceGetCurrPcieLinkGeneration(self, h):
        return self._check(h, "nvmlDeviceGetCurrPcieLinkGeneration")["pcie"][2]

    def _nvmlDeviceGetCurrPcieLinkWidth(self, h):
        return self._check(h, "nvmlDeviceGetCurrPcieLinkWidth")["pcie"][3]

    def _nvmlDeviceGetEnforcedPowerLimit(self, h):
        return self._check(h, "nvmlDeviceGetEnforcedPowerLimit")["power_limit_mw"]

    def _nvmlDeviceGetPowerManagementLimit(self, h):
        return self._check(h, "nvmlDeviceGetPowerManagementLimit")["power_limit_mw"]

    def _nvmlDeviceGetMigMode(self, h):
        return self._check(h, "nvmlDeviceGetMigMode")["mig"]

    def _nvmlDeviceGetUtilizationRates(self, h):
        return SimpleNamespace(gpu=self._check(h, "nvmlDeviceGetUtilizationRates")["util"], memory=0)

    def _nvmlDeviceGetTemperature(self, h, sensor):
        return self._check(h, "nvmlDeviceGetTemperature")["temp"]

    def _nvmlDeviceGetPowerUsage(self, h):
        return self._check(h, "nvmlDeviceGetPowerUsage")["power_mw"]

    def _nvmlDeviceGetCurrentClocksEventReasons(self, h):
        return self._check(h, "nvmlDeviceGetCurrentClocksEventReasons")["reasons"]

    def _nvmlDeviceGetCurrentClocksThrottleReasons(self, h):
        return self._check(h, "nvmlDeviceGetCurrentClocksThrottleReasons")["reasons"]


def rtx_4090(**changes) -> dict:
    gpu = {
        "name": "NVIDIA GeForce RTX 4090",
        "uuid": "GPU-4090-0000",
        "memory_total": 24564 * 1024**2,
        "memory_used": 512 * 1024**2,
        "cc": (8, 9),
        "sms": 128,
        "cores": 16384,
        "bus": 384,
        "max_clocks": {0: 3120, 1: 3120, 2: 10501},
        "clocks": {0: 2520, 1: 2520, 2: 10501},
        "pcie": (4, 16, 4, 16),
        "power_limit_mw": 450000,
        "mig": (0, 0),
        "util": 37,
        "temp": 61,
        "power_mw": 312500,
        "reasons": 0x4,
    }
    gpu.update(changes)
    return gpu


def h100_sxm(**changes) -> dict:
    gpu = rtx_4090(
        name="NVIDIA H100 80GB HBM3", uuid="GPU-H100-0001", memory_total=81559 * 1024**2, cc=(9, 0), sms=132,
        cores=16896, bus=5120, max_clocks={0: 1980, 1: 1980, 2: 2619}, pcie=(5, 16, 5, 16), power_limit_mw=700000,
        mig=(1, 1),
    )  # fmt: skip
    gpu.update(changes)
    return gpu
