"""Data-parallel communication: ring all-reduce of the gradients over the link that really
connects the GPUs (domain.md section 5; misc.md sections 6-7 for the measured bus bandwidths).

    t_allreduce = 2 (N - 1) / N x gradient bytes / bus bandwidth

Inside a node the bus bandwidth follows the link: NVLink/NVSwitch, PCIe with peer-to-peer,
or PCIe without it (GeForce 40-series: gradients are staged through host memory). Between
nodes a hierarchical ring adds the inter-node hop at the NIC rate.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from ..hardware.spec import DeviceSpec

# nccl-tests busbw on 8x A100 SXM4 is ~200 GB/s on NVLink3 quoted as 600 GB/s bidirectional
# (NVIDIA/nccl-tests#149); H100 reaches ~370 GB/s of 900 (nccl-tests#212): about a third
NVLINK_BUSBW_SHARE = 0.35
# NCCL's own topology model uses 24 GB/s for a PCIe 4.0 x16 link (nccl-tests#307)
PCIE_P2P_BUSBW_SHARE = 0.75
# without peer-to-peer the ring crosses host memory: 8x RTX 5090 on PCIe 5.0 reach 28 GB/s
# (NVIDIA/nccl#1639); NCCL models the SYS path at 10 GB/s on PCIe 4.0 (nccl-tests#307)
PCIE_HOST_BUSBW_SHARE = 0.35
# ~24 GB/s bus bandwidth per 200 Gb/s NIC (sjeaugey, NVIDIA/nccl-tests#119)
NIC_BUSBW_PER_GBPS = 0.12e9
PCIE_PER_DIRECTION_BPS = {3: 15.75e9, 4: 31.5e9, 5: 63e9, 6: 126e9}
SOURCE = "misc.md section 6 (nccl-tests bus bandwidths) and section 7 (RTX 4090 has no peer-to-peer)"


@dataclass(frozen=True)
class Link:
    name: str
    bus_bandwidth_bps: float
    source: str


def pcie_bandwidth(spec: DeviceSpec) -> float:
    """Per-direction PCIe rate of the device's host link (gen x lanes), NaN when unknown."""
    if spec.pcie_gen is None:
        return math.nan
    lanes = spec.pcie_lanes or 16
    return PCIE_PER_DIRECTION_BPS.get(int(spec.pcie_gen), math.nan) * lanes / 16


def has_peer_to_peer(spec: DeviceSpec) -> bool:
    """Stock-driver P2P: datacenter/pro cards yes; GeForce 40-series and newer consumer cards no."""
    if spec.peer_to_peer is not None:
        return bool(spec.peer_to_peer)
    name = spec.name.lower()
    if "geforce" in name or spec.form_factor == "consumer":
        return False
    return spec.kind == "gpu"


def intra_node_link(spec: DeviceSpec) -> Link:
    if math.isfinite(spec.nvlink_bps) and spec.nvlink_bps > 0:
        return Link(f"NVLink ({spec.nvlink_bps / 1e9:.0f} GB/s bidirectional)",
                    NVLINK_BUSBW_SHARE * spec.nvlink_bps, SOURCE)
    pcie = pcie_bandwidth(spec)
    if not math.isfinite(pcie):
        pcie = PCIE_PER_DIRECTION_BPS[4]
    gen = f"PCIe {spec.pcie_gen}.0" if spec.pcie_gen else "PCIe (generation unknown, 4.0 assumed)"
    if has_peer_to_peer(spec):
        return Link(f"{gen} with peer-to-peer", PCIE_P2P_BUSBW_SHARE * pcie, SOURCE)
    return Link(f"{gen} without peer-to-peer (through host memory)", PCIE_HOST_BUSBW_SHARE * pcie, SOURCE)


def node_link(gbps: float) -> Link:
    return Link(f"{gbps:g} Gb/s network between nodes", gbps * NIC_BUSBW_PER_GBPS, SOURCE)


def allreduce_seconds(gradient_bytes, gpus, bus_bandwidth_bps):
    """Ring all-reduce time; zero for one device."""
    import numpy as np

    gpus = np.asarray(gpus, dtype=float)
    return np.where(gpus > 1, 2.0 * (gpus - 1.0) / np.maximum(gpus, 1.0) * gradient_bytes / bus_bandwidth_bps, 0.0)


def communication_seconds(gradient_bytes, gpus, nodes, intra_bps, inter_bps):
    """Hierarchical: a ring inside each node, then a ring across nodes."""
    return allreduce_seconds(gradient_bytes, gpus, intra_bps) + allreduce_seconds(gradient_bytes, nodes, inter_bps)


def unhidden_seconds(comm, backward, step, gpus_total, overlap, overhead):
    """All-reduce left after overlapping with backward, plus per-step synchronisation overhead."""
    import numpy as np

    hidden = np.minimum(comm, overlap * backward)
    return np.where(np.asarray(gpus_total) > 1, comm - hidden + overhead * step, 0.0)
