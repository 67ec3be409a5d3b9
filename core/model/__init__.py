"""The model-complexity engine: layer kinds, graphs, the zoo and the analyser (no PyTorch).

    from rigsizer.core.model.zoo import build_model, list_models
    from rigsizer.core.model.analyze import analyze
    report = analyze(build_model("resnet50", input=(3, 224, 224)), precision="fp16")
"""
