from archcite.cli import run

run()
