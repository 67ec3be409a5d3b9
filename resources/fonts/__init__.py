"""Bundled fonts (see OFL.txt): Chinese text renders on machines without a CJK system font."""
