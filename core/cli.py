"""rigsizer-cli: a thin dispatcher; each subcommand lives in its own module and is imported on use.

Every subcommand module exposes `add_arguments(parser)` and `run(args) -> int`. Bad arguments
and ValidationErrors print one line on stderr and exit with status 2.
"""

from __future__ import annotations

import argparse
import importlib
import sys

from .errors import ValidationError

# command name -> (module path, one-line help). The quote command renders with Qt, so it lives
# with the report renderer in the GUI package and is only imported when called.
COMMANDS: dict[str, tuple[str, str]] = {
    "model": ("rigsizer.core.commands.model", "per-layer parameters, MACs, activations and traffic"),
    "catalog": ("rigsizer.core.commands.catalog", "search and list the hardware catalog"),
    "detect": ("rigsizer.core.commands.detect", "describe this workstation (CPU, RAM, disks, NVIDIA GPUs)"),
    "bench": ("rigsizer.core.commands.bench", "measure this workstation (matmul GFLOPS, memory GB/s)"),
    "estimate": ("rigsizer.core.commands.estimate", "memory, training time and inference for a device"),
    "recommend": ("rigsizer.core.commands.recommend", "ranked hardware configurations and the Pareto front"),
    "quote": ("rigsizer.gui.report.quote_command", "export a PDF quote (offscreen Qt)"),
}


class OneLineParser(argparse.ArgumentParser):
    """argparse prints usage plus a message on error; Rigsizer prints one line and exits 2."""

    def error(self, message: str) -> None:  # type: ignore[override]
        sys.stderr.write(f"{self.prog}: error: {message}\n")
        raise SystemExit(2)


def build_parser(selected: str | None = None) -> OneLineParser:
    parser = OneLineParser(prog="rigsizer-cli", description="Rigsizer: hardware sizing by calculation.")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=OneLineParser)
    for name, (module_path, help_text) in COMMANDS.items():
        command_parser = sub.add_parser(name, help=help_text, description=help_text)
        if name == selected:  # only the chosen command's module is imported
            load_command(module_path).add_arguments(command_parser)
    return parser


def load_command(module_path: str):
    """Import a subcommand module; a missing optional part is one line and exit 2, not a traceback."""
    try:
        return importlib.import_module(module_path)
    except ImportError as error:
        sys.stderr.write(f"rigsizer-cli: error: this command is not available ({error})\n")
        raise SystemExit(2) from None


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    selected = next((a for a in argv if not a.startswith("-")), None)
    if selected not in COMMANDS:
        selected = None
    parser = build_parser(selected)
    args = parser.parse_args(argv)
    if not args.command:
        parser.print_help()
        return 2
    module = load_command(COMMANDS[args.command][0])
    try:
        return int(module.run(args) or 0)
    except ValidationError as error:
        sys.stderr.write(f"rigsizer-cli {args.command}: error: {error}\n")
        return 2
    except BrokenPipeError:  # e.g. piped into `head`
        return 0


if __name__ == "__main__":
    raise SystemExit(main())
