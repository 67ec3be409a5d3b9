"""Fuzzing the detection, segmentation and Transformer builders: whatever the family parameters,
inputs and class counts, nothing but a ValidationError escapes, and whatever builds can be analysed.

Family parameters are drawn from plausible and out-of-range values together (so that many
examples build and get analysed), and junk (wrong types, NaN, infinities) one parameter at a time."""

from __future__ import annotations

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from rigsizer.core.errors import ValidationError
from rigsizer.core.model.analyze import analyze
from rigsizer.core.model.zoo import build_model, list_models

FUZZ = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
junk = st.one_of(st.none(), st.booleans(), st.text(max_size=3), st.just(float("nan")), st.just(float("inf")),
                 st.integers(-3, 0), st.lists(st.integers(-1, 9), max_size=3))


def maybe(*values: object) -> st.SearchStrategy:
    """One of `values`: plausible ones and some out of range (junk types are fuzzed separately below)."""
    return st.sampled_from(values)


side = st.one_of(*[st.integers(1, 40).map(lambda k: 32 * k)] * 3, st.integers(-2, 1400))
shapes = st.tuples(st.one_of(*[st.sampled_from([1, 3])] * 4, st.integers(-1, 70)), side, side)
classes = st.one_of(st.none(), st.integers(1, 300), st.integers(-1, 200_000))
built: list[str] = []
FAMILIES = {"yolo", "detr", "transformer", "unet", "rcnn", "ssd", "deeplab"}


def build_and_analyse(name, shape, num_classes, **params) -> None:
    try:
        model = build_model(name, input=shape, num_classes=num_classes, **params)
    except ValidationError:
        return
    report = analyze(model)
    assert report.macs >= 0 and report.params > 0 and report.peak_live_elements > 0
    built.append(name)


@FUZZ
@given(name=st.sampled_from(["yolov8n", "yolov8x", "yolov5n", "yolov5x"]), shape=shapes, num_classes=classes,
       depth=maybe(0.33, 0.67, 1.0, 1.33, 0.01, 4.0, 5.0), width=maybe(0.25, 0.5, 1.25, 0.01, 3.9, 4.5))
@example(name="yolov8n", shape=(3, 320, 320), num_classes=80, depth=0.33, width=0.25)
def test_yolo_builders_are_fuzz_safe(name, shape, num_classes, depth, width):
    build_and_analyse(name, shape, num_classes, depth=depth, width=width)


@FUZZ
@given(shape=shapes, num_classes=classes, reg_max=maybe(16, 8, 1, 4), max_channels=maybe(1024, 512, 8, 1))
def test_yolov8_head_parameters_are_fuzz_safe(shape, num_classes, reg_max, max_channels):
    build_and_analyse("yolov8s", shape, num_classes, reg_max=reg_max, max_channels=max_channels)


@FUZZ
@given(shape=shapes, num_classes=classes, depth=maybe(50, 101, 152, 18), hidden_dim=maybe(256, 64, 96, 7),
       nheads=maybe(8, 4, 1, 3), enc_layers=maybe(6, 0, 1, 2), dec_layers=maybe(6, 0, 1, 2),
       num_queries=maybe(100, 1, 300), dilation=maybe(False, True))
@example(shape=(3, 256, 256), num_classes=91, depth=50, hidden_dim=64, nheads=4, enc_layers=1, dec_layers=1,
         num_queries=10, dilation=False)
def test_detr_builder_is_fuzz_safe(shape, num_classes, depth, hidden_dim, nheads, enc_layers, dec_layers,
                                   num_queries, dilation):
    build_and_analyse("detr_resnet50", shape, num_classes, depth=depth, hidden_dim=hidden_dim, nheads=nheads,
                      enc_layers=enc_layers, dec_layers=dec_layers, num_queries=num_queries, dilation=dilation)


@FUZZ
@given(shape=st.tuples(st.one_of(*[st.just(1)] * 9, st.integers(-1, 3)), st.integers(1, 600), st.integers(-2, 600)), num_classes=classes,
       d_model=maybe(64, 512, 96, 7), nhead=maybe(4, 8, 1, 3), enc=maybe(2, 0, 6, 1001),
       dec=maybe(2, 0, 6), d_ff=maybe(256, 2048, 1), activation=maybe("ReLU", "GELU", "x"),
       generator=maybe(False, True))
@example(shape=(1, 16, 16), num_classes=1000, d_model=64, nhead=4, enc=2, dec=2, d_ff=256, activation="ReLU",
         generator=False)
def test_transformer_builder_is_fuzz_safe(shape, num_classes, d_model, nhead, enc, dec, d_ff, activation, generator):
    build_and_analyse("transformer", shape, num_classes, d_model=d_model, nhead=nhead, num_encoder_layers=enc,
                      num_decoder_layers=dec, dim_feedforward=d_ff, activation=activation, generator=generator)


@FUZZ
@given(name=st.sampled_from(["unet", "unet_classic"]), shape=shapes, num_classes=classes,
       depth=maybe(4, 1, 3, 5, 9), base_width=maybe(64, 32, 1, 16),
       padding=maybe("same", "valid", "x"), batch_norm=maybe(True, False), up_mode=maybe("transpose", "bilinear", "x"))
@example(name="unet", shape=(1, 256, 256), num_classes=2, depth=4, base_width=16, padding="same",
         batch_norm=True, up_mode="transpose")
def test_unet_builder_is_fuzz_safe(name, shape, num_classes, depth, base_width, padding, batch_norm, up_mode):
    build_and_analyse(name, shape, num_classes, depth=depth, base_width=base_width, padding=padding,
                      batch_norm=batch_norm, up_mode=up_mode)


@FUZZ
@given(shape=shapes, num_classes=classes, proposals=maybe(1000, 1, 2000), anchors=maybe(3, 1, 9),
       representation=maybe(1024, 1, 256), detections=maybe(100, 1, 300))
@example(shape=(3, 320, 320), num_classes=91, proposals=1000, anchors=3, representation=1024, detections=100)
def test_faster_rcnn_builder_is_fuzz_safe(shape, num_classes, proposals, anchors, representation, detections):
    build_and_analyse("fasterrcnn_resnet50_fpn", shape, num_classes, proposals=proposals, anchors=anchors,
                      representation=representation, detections=detections)


@FUZZ
@given(shape=shapes, num_classes=classes, anchors=maybe(9, 1, 3), detections=maybe(300, 1),
       depth=maybe(50, 101, 34))
@example(shape=(3, 320, 320), num_classes=91, anchors=9, detections=300, depth=50)
def test_retinanet_builder_is_fuzz_safe(shape, num_classes, anchors, detections, depth):
    build_and_analyse("retinanet_resnet50_fpn", shape, num_classes, anchors=anchors, detections=detections,
                      depth=depth)


@FUZZ
@given(shape=shapes, num_classes=classes, frozen_convs=maybe(2, 0, 13, 99), detections=maybe(200, 1))
@example(shape=(3, 300, 300), num_classes=91, frozen_convs=2, detections=200)
def test_ssd_builder_is_fuzz_safe(shape, num_classes, frozen_convs, detections):
    build_and_analyse("ssd300_vgg16", shape, num_classes, frozen_convs=frozen_convs, detections=detections)


@FUZZ
@given(shape=shapes, num_classes=classes, aux=maybe(True, False),
       rates=maybe((12, 24, 36), (6, 12, 18), (1,), (), (0, 2), (10**6,), ("a",)), depth=maybe(50, 101, 18))
@example(shape=(3, 256, 256), num_classes=21, aux=True, rates=(12, 24, 36), depth=50)
def test_deeplab_builder_is_fuzz_safe(shape, num_classes, aux, rates, depth):
    build_and_analyse("deeplabv3_resnet50", shape, num_classes, aux=aux, rates=rates, depth=depth)


FAMILY_PARAMS = [(entry.name, param) for entry in list_models() if entry.family in FAMILIES
                 for param in entry.family_params]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(target=st.sampled_from(FAMILY_PARAMS), value=junk)
def test_junk_in_any_family_parameter_is_a_validation_error_or_builds(target, value):
    name, param = target
    build_and_analyse(name, None, None, **{param: value})


def test_the_fuzzing_builds_models_of_every_family():
    # A fuzz that rejects every example would prove nothing: run the fuzz tests again and check
    # that each family built and analysed some of its examples (each test carries one plausible
    # @example, so this holds on every run, whatever the random draws).
    built.clear()
    for fuzz in (test_yolo_builders_are_fuzz_safe, test_detr_builder_is_fuzz_safe,
                 test_transformer_builder_is_fuzz_safe, test_unet_builder_is_fuzz_safe,
                 test_faster_rcnn_builder_is_fuzz_safe, test_retinanet_builder_is_fuzz_safe,
                 test_ssd_builder_is_fuzz_safe, test_deeplab_builder_is_fuzz_safe):
        fuzz()
    assert {"detr_resnet50", "transformer", "fasterrcnn_resnet50_fpn", "retinanet_resnet50_fpn", "ssd300_vgg16",
            "deeplabv3_resnet50"} <= set(built)
    assert any(name.startswith("yolov") for name in built)
    assert any(name.startswith("unet") for name in built)
