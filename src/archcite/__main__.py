from archcite.cli import main

main()
