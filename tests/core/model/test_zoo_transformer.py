"""The generic encoder-decoder Transformer: nn.Transformer semantics plus one shared embedding."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from rigsizer.core.errors import ValidationError
from rigsizer.core.model.analyze import analyze
from rigsizer.core.model.zoo import build_model
from rigsizer.core.model.zoo.transformer import decoder_layer_params, encoder_layer_params

SEED = {"d_model": 64, "nhead": 4, "num_encoder_layers": 2, "num_decoder_layers": 2, "dim_feedforward": 256}


def seed_report(input=(1, 32, 32), **overrides):
    return analyze(build_model("transformer", input=input, num_classes=10_000, **{**SEED, **overrides}))


def test_seed_article_example_has_873728_parameters():
    assert seed_report().params == 873_728
    assert analyze(build_model("transformer_seed_example")).params == 873_728


def test_seed_article_formula_value_is_not_reproduced():
    # V*d + 2N(12d^2+9d) + N(16d^2+11d) = 1,016,320 counts the encoder twice and drops the FFN biases.
    assert seed_report().params != 1_016_320


def test_per_layer_parameters_follow_the_domain_formulas():
    d, f = 64, 256
    assert encoder_layer_params(d, f) == 4 * d * d + 2 * d * f + f + 9 * d == 49_984
    assert decoder_layer_params(d, f) == 8 * d * d + 2 * d * f + f + 15 * d == 66_752
    layers = {layer.name: layer for layer in seed_report().layers}
    assert layers["transformer.encoder.layers.0"].params == 49_984
    assert layers["transformer.encoder.layers.1"].params == 49_984
    assert layers["transformer.decoder.layers.0"].params == 66_752
    assert layers["transformer.decoder.layers.1"].params == 66_752
    # nn.Transformer's final LayerNorms after each stack: 2d parameters each.
    assert layers["transformer.encoder.norm"].params == 128
    assert layers["transformer.decoder.norm"].params == 128
    assert layers["embedding"].params == 10_000 * 64
    assert 10_000 * 64 + 2 * 49_984 + 2 * 66_752 + 2 * 128 == 873_728


@pytest.mark.parametrize("d, heads, f, n_enc, n_dec, vocab", [
    (512, 8, 2048, 6, 6, 32_000), (256, 4, 1024, 3, 1, 5_000), (96, 3, 384, 1, 0, 100), (128, 2, 64, 0, 2, 7),
])
def test_any_configuration_matches_the_closed_form_parameter_count(d, heads, f, n_enc, n_dec, vocab):
    report = analyze(build_model("transformer", input=(1, 10, 7), num_classes=vocab, d_model=d, nhead=heads,
                                 dim_feedforward=f, num_encoder_layers=n_enc, num_decoder_layers=n_dec))
    expected = vocab * d + n_enc * encoder_layer_params(d, f) + n_dec * decoder_layer_params(d, f) + 4 * d
    assert report.params == expected


def test_seed_example_macs_follow_the_attention_and_ffn_formulas():
    d, f, t, s = 64, 256, 32, 32
    encoder = s * (4 * d * d + 2 * d * f) + 2 * s * s * d
    decoder = (t * 4 * d * d + 2 * t * t * d) + (2 * t * d * d + 2 * s * d * d + 2 * t * s * d) + 2 * t * d * f
    assert seed_report().macs == 2 * encoder + 2 * decoder == 8_126_464


def test_longer_sequences_keep_params_and_grow_attention_quadratically():
    short, long = seed_report((1, 32, 32)), seed_report((1, 64, 32))
    assert short.params == long.params
    d, f = 64, 256
    # Encoder: 32 more source tokens per layer; cross-attention K/V projections and scores grow too.
    extra_encoder = 2 * (32 * (4 * d * d + 2 * d * f) + 2 * (64 * 64 - 32 * 32) * d)
    extra_cross = 2 * (2 * 32 * d * d + 2 * 32 * 32 * d)
    assert long.macs - short.macs == extra_encoder + extra_cross


def test_separate_generator_adds_a_vocabulary_projection():
    assert seed_report(generator=True).params == 873_728 + 64 * 10_000 + 10_000


def test_image_shaped_input_is_rejected_with_the_field_named():
    with pytest.raises(ValidationError) as error:
        build_model("transformer", input=(3, 224, 224))
    assert error.value.field == "input.channels"


def test_heads_not_dividing_the_width_name_the_layer():
    with pytest.raises(ValidationError) as error:
        build_model("transformer", d_model=64, nhead=5)
    assert "transformer.encoder.layers.0" in error.value.field


def test_cli_json_reports_the_seed_example_totals():
    out = subprocess.run([sys.executable, "-m", "rigsizer.core.cli", "model", "transformer_seed_example", "--json"],
                         capture_output=True, text=True, check=True).stdout
    data = json.loads(out)
    assert data["totals"]["params"] == 873_728
    assert data["totals"]["macs"] == 8_126_464
