from dyad.cli import run

run()
