from proseco_check.entry import main

main()
