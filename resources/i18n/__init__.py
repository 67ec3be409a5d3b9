"""Qt Linguist translations of the user interface: `.ts` sources and compiled `.qm` files."""
