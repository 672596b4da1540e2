"""The circuits the tests run, by name, in one place (TOML text, as a user writes it).

A test reads one with helpers.circuit_from(NAME); the names say what each is made of."""

# prepare 5 | A 20 | rest 10 | B-left 10 | switch 5 | B-right 10 | round rest 15 | (round 2 ...)
TIMED_TWO_ROUNDS = """\
    format = 1
    name = "Timed"
    rounds = 2
    prepare = 5
    rest = 10
    round_rest = 15
    switch = 5
    [[exercise]]
    name = "A"
    work = 20
    [[exercise]]
    name = "B"
    work = 10
    sides = "each"
    """

SQUATS_THEN_PLANK = """\
    format = 1
    name = "Reps"
    prepare = 5
    rest = 10
    [[exercise]]
    name = "Squats"
    reps = 12
    [[exercise]]
    name = "Plank"
    work = 30
    """

GOBLET_SQUATS_THEN_PLANK = """\
format = 1
name = "Rep test"
prepare = 3
rest = 5
[[exercise]]
name = "Goblet squats"
reps = 12
tips = ["Chest up."]
[[exercise]]
name = "Plank"
work = 20
"""

SHORT_SWINGS = """\
    format = 1
    name = "Short"
    prepare = 2
    [[exercise]]
    name = "Swings"
    work = 3
    """

ONE_SIDED_AND_REPS_QUICK = """\
    format = 1
    name = "Voice"
    rounds = 2
    prepare = 2
    rest = 2
    round_rest = 2
    switch = 1
    [[exercise]]
    name = "Kickbacks"
    work = 2
    sides = "each"
    [[exercise]]
    name = "Goblet squats"
    reps = 12
    """

ONE_SIDED_REPS_AND_STRETCH = """
    format = 1
    name = "Words"
    prepare = 5
    rest = 10
    switch = 3
    rounds = 2
    round_rest = 20
    [[exercise]]
    name = "Kickbacks"
    work = 30
    sides = "each"
    [[exercise]]
    name = "Goblet squats"
    reps = 12
    [[cooldown]]
    name = "Figure four"
    hold = "30s"
"""

LONG_SWINGS_THEN_REPS = """\
format = 1
name = "Reps at the end"
prepare = 2
[[exercise]]
name = "Swings"
work = 600
[[exercise]]
name = "Goblet squats"
reps = 12
"""

ONE_SIDED_SKIP_LAST_REST = """\
    format = 1
    name = "Sides"
    rounds = 2
    prepare = 10
    rest = 20
    round_rest = 60
    switch = 5
    skip_last_rest = {skip}

    [[exercise]]
    name = "Kickbacks"
    work = 40
    sides = "each"

    [[exercise]]
    name = "Swings"
    work = 30
    """

# a timed and a rep exercise, two rounds: the finish screen's and the session's tests
SWINGS_AND_SQUATS_TWO_ROUNDS = """\
    format = 1
    name = "Finish"
    rounds = 2
    prepare = 5
    rest = 10
    [[exercise]]
    name = "Swings"
    work = 30
    [[exercise]]
    name = "Goblet squats"
    reps = 12
"""
