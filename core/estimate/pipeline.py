"""The CPU data pipeline (domain.md section 5, seed 004): can the host read, decode and augment
images as fast as the GPUs consume them, and how many cores/workers would it take?

Per image on one core: read (storage, unless the dataset sits in the page cache) + decode
(pixels / decode rate) + resize/augment (network-input pixels / augmentation rate, per tile)
+ collate. Supplied rate = workers / seconds per image; the GPUs demand samples/s / tiles.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

# misc.md section 3: PIL / OpenCV libjpeg-turbo decode measured at 174-186 MPix/s per core;
# rule of thumb 150-200 MPix/s per modern x86 core
JPEG_DECODE_PIX_PER_S = 175e6
# no measurement in the reference set for these: stated as assumptions in the report
DECODE_PIX_PER_S = {"jpeg": JPEG_DECODE_PIX_PER_S, "png": 60e6, "tiff": 400e6, "bmp": 1000e6, "raw": 2000e6}
# misc.md section 4: DETR train augmentation = 21.4 ms - 1.25 ms decode per image on one core,
# producing ~0.85 MPix (800 x 1067) of float output: ~42 MPix/s per core of network input
AUG_PIX_PER_S = {"heavy": 42e6, "standard": 85e6, "light": 170e6, "none": 400e6}
BYTES_PER_PIXEL_COMPRESSED = {"jpeg": 0.3, "png": 0.6, "tiff": 1.0, "bmp": 1.0, "raw": 1.0}
STORAGE_BPS = {"nvme": 3.0e9, "sata-ssd": 0.5e9, "hdd": 0.15e9, "network": 1.1e9}
PAGE_CACHE_SHARE = 0.6  # share of RAM the page cache may use for the dataset
COLLATE_S = 0.2e-3
SOURCE = "misc.md section 3 (JPEG decode per core) and section 4 (DETR augmentation cost per image)"


@dataclass(frozen=True)
class PipelineFigures:
    decode_s: float
    augment_s: float
    read_s: float
    seconds_per_image: float
    file_bytes: float
    dataset_bytes: float
    fits_page_cache: bool
    storage_images_per_s: float
    assumptions: tuple[str, ...]


def file_bytes(width: int, height: int, channels: int, file_format: str, file_kb: float) -> float:
    if file_kb > 0:
        return file_kb * 1000.0
    return width * height * channels * BYTES_PER_PIXEL_COMPRESSED[file_format]


def figures(*, width: int, height: int, channels: int, file_format: str, file_kb: float, images: int,
            storage: str, augmentation: str, network_pixels: float, tiles: int, ram_bytes: float) -> PipelineFigures:
    assumptions = []
    pixels = float(width * height)
    decode_rate = DECODE_PIX_PER_S[file_format]
    if file_format != "jpeg":
        assumptions.append(f"{file_format.upper()} decode at {decode_rate / 1e6:.0f} MPix/s per core (assumed; "
                           "only JPEG decode was measured)")
    decode = pixels / decode_rate * (1.0 if channels >= 3 else 0.5)
    # resizing the camera image down is a pass over its pixels; augmentation works per tile
    augment = pixels / AUG_PIX_PER_S["none"] + network_pixels * tiles / AUG_PIX_PER_S[augmentation]
    if augmentation != "heavy":
        assumptions.append(f"'{augmentation}' augmentation costs {AUG_PIX_PER_S[augmentation] / 1e6:.0f} MPix/s per "
                           "core of network input (scaled from the measured DETR pipeline)")
    size = file_bytes(width, height, channels, file_format, file_kb)
    if file_kb <= 0:
        assumptions.append(f"file size estimated as {BYTES_PER_PIXEL_COMPRESSED[file_format]} bytes per pixel")
    dataset = size * images
    cached = math.isfinite(ram_bytes) and dataset <= PAGE_CACHE_SHARE * ram_bytes
    storage_rate = STORAGE_BPS[storage]
    read = 0.0 if cached else size / storage_rate
    per_image = decode + augment + read + COLLATE_S
    return PipelineFigures(decode, augment, read, per_image, size, dataset, cached, storage_rate / size,
                           tuple(assumptions))


def usable_cores(cores: float, gpus: int) -> float:
    """Cores left for loader workers: one per GPU drives the training process."""
    return max(1.0, cores - gpus)
