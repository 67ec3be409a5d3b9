"""NVIDIA GPUs through NVML, degrading to "not available" with a reason instead of raising.

The pattern: NVML is initialised lazily behind a lock, and every query goes through one
function (`Nvml.query`) that turns an NVML error into a `NotAvailable` value carrying the
reason. A missing library, a missing driver, no GPU, a stub library or a GPU lost mid-session
all become a status string; one unsupported field never blanks the others.
"""

from __future__ import annotations

import math
import threading
from dataclasses import dataclass, field
from typing import Any

NAN = math.nan
NA_TEXT = "n/a"

# NVML return codes (nvml.h); used when the module object lacks the named constant.
_ERROR_CODES = {
    "UNINITIALIZED": 1,
    "NOT_SUPPORTED": 3,
    "NO_PERMISSION": 4,
    "NOT_FOUND": 6,
    "DRIVER_NOT_LOADED": 9,
    "LIBRARY_NOT_FOUND": 12,
    "FUNCTION_NOT_FOUND": 13,
    "GPU_IS_LOST": 15,
}

# nvmlClocksEventReason* bits (the older name is nvmlClocksThrottleReason*).
THROTTLE_REASONS: dict[int, str] = {
    0x1: "gpu idle",
    0x2: "application clocks setting",
    0x4: "software power cap",
    0x8: "hardware slowdown",
    0x10: "sync boost",
    0x20: "software thermal slowdown",
    0x40: "hardware thermal slowdown",
    0x80: "hardware power brake slowdown",
    0x100: "display clock setting",
}

_CLOCK_GRAPHICS, _CLOCK_SM, _CLOCK_MEM = 0, 1, 2
_TEMPERATURE_GPU = 0


def throttle_reason_names(mask: float) -> tuple[str, ...]:
    """Decode a clocks-event bitmask into readable reasons; NaN gives ()."""
    if mask is None or (isinstance(mask, float) and math.isnan(mask)):
        return ()
    bits = int(mask)
    names = [name for bit, name in THROTTLE_REASONS.items() if bits & bit]
    unknown = bits & ~sum(THROTTLE_REASONS)
    if unknown:
        names.append(f"other (0x{unknown:x})")
    return tuple(names)


@dataclass(frozen=True)
class NotAvailable:
    """A query that failed: behaves as NaN in arithmetic, prints as "n/a", keeps the reason."""

    reason: str

    def __float__(self) -> float:
        return NAN

    def __bool__(self) -> bool:
        return False

    def __str__(self) -> str:
        return NA_TEXT


def is_available(value: Any) -> bool:
    return not isinstance(value, NotAvailable)


@dataclass(frozen=True)
class GpuInfo:
    """Static facts about one NVIDIA GPU. Unknown numbers are NaN and strings "n/a";
    `unavailable` maps each such field to the reason NVML gave."""

    index: int
    name: str = NA_TEXT
    uuid: str = NA_TEXT
    memory_total_bytes: float = NAN
    memory_used_bytes: float = NAN
    compute_capability: str = NA_TEXT
    sm_count: float = NAN
    cuda_cores: float = NAN
    memory_bus_width_bits: float = NAN
    max_sm_clock_hz: float = NAN
    max_memory_clock_hz: float = NAN
    sm_clock_hz: float = NAN
    memory_clock_hz: float = NAN
    pcie_max_gen: float = NAN
    pcie_max_width: float = NAN
    pcie_current_gen: float = NAN
    pcie_current_width: float = NAN
    power_limit_w: float = NAN
    mig_mode: str = NA_TEXT  # "enabled", "disabled", with "(pending ...)" when a change waits for reset
    unavailable: dict[str, str] = field(default_factory=dict)

    def to_dict(self) -> dict:
        out: dict[str, Any] = {}
        for key, value in self.__dict__.items():
            out[key] = None if isinstance(value, float) and math.isnan(value) else value
        return out


@dataclass(frozen=True)
class GpuReading:
    """One live sample of one GPU for the sampler; NaN where NVML gave nothing."""

    utilization_percent: float = NAN
    memory_used_bytes: float = NAN
    temperature_c: float = NAN
    power_w: float = NAN
    sm_clock_hz: float = NAN
    throttle_mask: float = NAN
    lost: bool = False
    unavailable: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class GpuReport:
    """What NVML says about the machine: a status line, the driver and CUDA versions, the GPUs."""

    status: str  # "ok: 2 NVIDIA GPUs" or the reason there are none
    gpus: tuple[GpuInfo, ...] = ()
    driver_version: str = NA_TEXT
    cuda_version: str = NA_TEXT

    @property
    def available(self) -> bool:
        return bool(self.gpus)

    def to_dict(self) -> dict:
        return {
            "status": self.status,
            "driver_version": self.driver_version,
            "cuda_version": self.cuda_version,
            "gpus": [gpu.to_dict() for gpu in self.gpus],
        }


class _NoNvmlError(Exception):
    """Stands in for pynvml.NVMLError when a module lacks it, so that no real error matches it."""


def _text(value: Any) -> str:
    return value.decode("utf-8", "replace") if isinstance(value, bytes) else str(value)


class Nvml:
    """Lazy, thread-safe NVML access. `module` is the pynvml module (imported on first use)."""

    def __init__(self, module: Any = None) -> None:
        self._module = module
        self._lock = threading.Lock()
        self._initialised = False
        self._status: str | None = None  # None until the first init attempt
        self._handles: dict[int, Any] = {}
        self._lost: set[int] = set()

    # -- initialisation -------------------------------------------------------------------
    def _code(self, name: str) -> int:
        return int(getattr(self._module, f"NVML_ERROR_{name}", _ERROR_CODES[name]))

    def _error_type(self) -> type[BaseException]:
        error = getattr(self._module, "NVMLError", None)
        return error if isinstance(error, type) and issubclass(error, BaseException) else _NoNvmlError

    def _describe_init_error(self, error: BaseException) -> str:
        code = getattr(error, "value", None)
        if code == self._code("LIBRARY_NOT_FOUND"):
            return "NVML library not found: no NVIDIA driver is installed"
        if code == self._code("DRIVER_NOT_LOADED"):
            return f"NVIDIA driver not loaded: {error}"
        if code == self._code("FUNCTION_NOT_FOUND"):
            return f"NVML library is a stub or too old: {error}"
        if code == self._code("NO_PERMISSION"):
            return f"no permission to use NVML: {error}"
        return f"NVML initialisation failed: {error}"

    def ensure(self) -> bool:
        """Initialise NVML once; True when it is usable. The reason otherwise is `status()`."""
        with self._lock:
            if self._status is not None:
                return self._initialised
            if self._module is None:
                try:
                    import pynvml  # nvidia-ml-py
                except ImportError as error:
                    self._status = f"NVML bindings not installed (nvidia-ml-py): {error}"
                    return False
                self._module = pynvml
            try:
                self._module.nvmlInit()
            except self._error_type() as error:
                self._status = self._describe_init_error(error)
                return False
            except Exception as error:  # noqa: BLE001 - a broken or stub library must not crash the app
                self._status = f"NVML library not usable: {type(error).__name__}: {error}"
                return False
            self._initialised = True
            self._status = "ok"
            return True

    def status(self) -> str:
        self.ensure()
        return self._status or "NVML not initialised"

    def shutdown(self) -> None:
        with self._lock:
            if self._initialised:
                try:
                    self._module.nvmlShutdown()
                except Exception:  # noqa: BLE001 - shutting down must never raise
                    pass
            self._initialised = False
            self._status = None
            self._handles.clear()
            self._lost.clear()

    # -- the one query function -----------------------------------------------------------
    def query(self, function: str, *args: Any) -> Any:
        """Call `pynvml.<function>(*args)`; any failure becomes NotAvailable(reason)."""
        if not self.ensure():
            return NotAvailable(self._status or "NVML not available")
        call = getattr(self._module, function, None)
        if call is None:
            return NotAvailable(f"{function} missing from the NVML bindings")
        try:
            return call(*args)
        except self._error_type() as error:
            code = getattr(error, "value", None)
            if code == self._code("NOT_SUPPORTED"):
                return NotAvailable(f"not supported on this GPU ({function})")
            if code == self._code("FUNCTION_NOT_FOUND"):
                return NotAvailable(f"driver lacks {function}")
            if code == self._code("GPU_IS_LOST"):
                return NotAvailable(f"GPU is lost ({function})")
            if code == self._code("NO_PERMISSION"):
                return NotAvailable(f"no permission ({function})")
            return NotAvailable(f"{function} failed: {error}")
        except Exception as error:  # noqa: BLE001 - bindings can raise ctypes/OS errors too
            return NotAvailable(f"{function} failed: {type(error).__name__}: {error}")

    def device_count(self) -> int | NotAvailable:
        value = self.query("nvmlDeviceGetCount")
        return value if isinstance(value, NotAvailable) else int(value)

    def handle(self, index: int) -> Any:
        if index in self._handles:
            return self._handles[index]
        value = self.query("nvmlDeviceGetHandleByIndex", index)
        if not isinstance(value, NotAvailable):
            self._handles[index] = value
        return value

    def is_lost(self, index: int) -> bool:
        return index in self._lost

    # -- static facts ---------------------------------------------------------------------
    def report(self) -> GpuReport:
        """Every GPU's static facts, or the reason there are none. Never raises."""
        if not self.ensure():
            return GpuReport(status=f"no NVIDIA GPU: {self._status or 'NVML not available'}")
        driver = self.query("nvmlSystemGetDriverVersion")
        cuda = self.query("nvmlSystemGetCudaDriverVersion_v2")
        if isinstance(cuda, NotAvailable):
            cuda = self.query("nvmlSystemGetCudaDriverVersion")
        count = self.device_count()
        driver_text = _text(driver) if is_available(driver) else NA_TEXT
        cuda_text = f"{int(cuda) // 1000}.{int(cuda) % 1000 // 10}" if is_available(cuda) else NA_TEXT
        if isinstance(count, NotAvailable):
            return GpuReport(f"no NVIDIA GPU: cannot count GPUs ({count.reason})", (), driver_text, cuda_text)
        if count == 0:
            return GpuReport("no NVIDIA GPU (NVML found none)", (), driver_text, cuda_text)
        gpus = tuple(self.gpu_info(index) for index in range(count))
        plural = "s" if count != 1 else ""
        return GpuReport(f"ok: {count} NVIDIA GPU{plural}", gpus, driver_text, cuda_text)

    def gpu_info(self, index: int) -> GpuInfo:
        handle = self.handle(index)
        if isinstance(handle, NotAvailable):
            return GpuInfo(index=index, unavailable={"device": handle.reason})
        missing: dict[str, str] = {}
        values: dict[str, Any] = {}

        def take(name: str, value: Any, convert: Any = float) -> None:
            if isinstance(value, NotAvailable):
                missing[name] = value.reason
            else:
                try:
                    values[name] = convert(value)
                except (TypeError, ValueError, AttributeError) as error:
                    missing[name] = f"unexpected value from NVML: {error}"

        q = self.query
        take("name", q("nvmlDeviceGetName", handle), _text)
        take("uuid", q("nvmlDeviceGetUUID", handle), _text)
        memory = q("nvmlDeviceGetMemoryInfo", handle)
        take("memory_total_bytes", memory, lambda m: float(m.total))
        take("memory_used_bytes", memory, lambda m: float(m.used))
        take("compute_capability", q("nvmlDeviceGetCudaComputeCapability", handle), lambda cc: f"{cc[0]}.{cc[1]}")
        take("sm_count", q("nvmlDeviceGetAttributes", handle), lambda a: float(a.multiprocessorCount))
        take("cuda_cores", q("nvmlDeviceGetNumGpuCores", handle))
        take("memory_bus_width_bits", q("nvmlDeviceGetMemoryBusWidth", handle))
        mhz = 1e6
        take("max_sm_clock_hz", q("nvmlDeviceGetMaxClockInfo", handle, _CLOCK_SM), lambda v: float(v) * mhz)
        take("max_memory_clock_hz", q("nvmlDeviceGetMaxClockInfo", handle, _CLOCK_MEM), lambda v: float(v) * mhz)
        take("sm_clock_hz", q("nvmlDeviceGetClockInfo", handle, _CLOCK_SM), lambda v: float(v) * mhz)
        take("memory_clock_hz", q("nvmlDeviceGetClockInfo", handle, _CLOCK_MEM), lambda v: float(v) * mhz)
        take("pcie_max_gen", q("nvmlDeviceGetMaxPcieLinkGeneration", handle))
        take("pcie_max_width", q("nvmlDeviceGetMaxPcieLinkWidth", handle))
        take("pcie_current_gen", q("nvmlDeviceGetCurrPcieLinkGeneration", handle))
        take("pcie_current_width", q("nvmlDeviceGetCurrPcieLinkWidth", handle))
        limit = q("nvmlDeviceGetEnforcedPowerLimit", handle)
        if isinstance(limit, NotAvailable):
            limit = q("nvmlDeviceGetPowerManagementLimit", handle)
        take("power_limit_w", limit, lambda v: float(v) / 1000.0)
        take("mig_mode", q("nvmlDeviceGetMigMode", handle), _mig_text)
        if any("GPU is lost" in reason for reason in missing.values()):
            self._lost.add(index)
        return GpuInfo(index=index, unavailable=missing, **values)

    # -- live readings --------------------------------------------------------------------
    def reading(self, index: int) -> GpuReading:
        """Utilisation, memory, temperature, power, SM clock and clocks-event reasons."""
        handle = self.handle(index)
        if isinstance(handle, NotAvailable):
            return GpuReading(lost="lost" in handle.reason, unavailable={"device": handle.reason})
        missing: dict[str, str] = {}
        values: dict[str, float] = {}

        def take(name: str, value: Any, convert: Any = float) -> None:
            if isinstance(value, NotAvailable):
                missing[name] = value.reason
            else:
                values[name] = float(convert(value))

        q = self.query
        take("utilization_percent", q("nvmlDeviceGetUtilizationRates", handle), lambda u: u.gpu)
        take("memory_used_bytes", q("nvmlDeviceGetMemoryInfo", handle), lambda m: m.used)
        take("temperature_c", q("nvmlDeviceGetTemperature", handle, _TEMPERATURE_GPU))
        take("power_w", q("nvmlDeviceGetPowerUsage", handle), lambda mw: mw / 1000.0)
        take("sm_clock_hz", q("nvmlDeviceGetClockInfo", handle, _CLOCK_SM), lambda v: v * 1e6)
        reasons = q("nvmlDeviceGetCurrentClocksEventReasons", handle)
        if isinstance(reasons, NotAvailable) and "lost" not in reasons.reason:
            reasons = q("nvmlDeviceGetCurrentClocksThrottleReasons", handle)  # drivers before 535
        take("throttle_mask", reasons)
        lost = bool(missing) and all("GPU is lost" in reason for reason in missing.values())
        if lost:
            self._lost.add(index)
        return GpuReading(lost=lost, unavailable=missing, **values)


def _mig_text(mode: Any) -> str:
    current, pending = (mode[0], mode[1]) if isinstance(mode, list | tuple) else (mode, mode)
    text = "enabled" if int(current) == 1 else "disabled"
    if int(pending) != int(current):
        text += f" (pending {'enabled' if int(pending) == 1 else 'disabled'} after reset)"
    return text


_DEFAULT: Nvml | None = None
_DEFAULT_LOCK = threading.Lock()


def default_nvml() -> Nvml:
    """The process-wide NVML wrapper (NVML itself is process-global)."""
    global _DEFAULT
    with _DEFAULT_LOCK:
        if _DEFAULT is None:
            _DEFAULT = Nvml()
        return _DEFAULT


def gpu_report(nvml: Nvml | None = None) -> GpuReport:
    return (nvml or default_nvml()).report()
