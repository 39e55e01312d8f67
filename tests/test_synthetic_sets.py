"""The synthetic evaluation sets already measured blind once, kept as regression sets.

synthetic_elements to synthetic_elements22 were each measured once before the tool was
tuned on them (figures in their READMEs); they are development data now. These floors
sit just under today's figures so that a change that loses elements or facts on them
fails here, not in the next blind measurement. Not a blind figure.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from proseco_check.pipeline.evaluation import compare, load_truth
from proseco_check.pipeline.facts_eval import compare_facts, load_facts_truth
from proseco_check.pipeline.run import Options, check_document

DATA = Path(__file__).resolve().parent / "data"
# set -> (element F1 floor, fact accuracy floor)
FLOORS = {"synthetic_elements": (0.98, 0.98), "synthetic_elements2": (0.98, 0.98),
          "synthetic_elements3": (0.95, 0.96), "synthetic_elements4": (0.97, 0.97),
          "synthetic_elements5": (0.92, 0.93), "synthetic_elements6": (0.96, 0.95),
          "synthetic_elements7": (0.97, 0.94), "synthetic_elements8": (0.85, 0.95),
          "synthetic_elements9": (0.92, 0.95), "synthetic_elements10": (0.94, 0.96),
          "synthetic_elements11": (0.94, 0.96), "synthetic_elements12": (0.91, 0.92),
          "synthetic_elements13": (0.97, 0.96), "synthetic_elements14": (0.96, 0.96),
          "synthetic_elements15": (0.96, 0.97), "synthetic_elements16": (0.95, 0.96),
          "synthetic_elements17": (0.96, 0.95), "synthetic_elements18": (0.98, 0.97),
          "synthetic_elements19": (0.93, 0.96), "synthetic_elements20": (0.97, 0.98),
          "synthetic_elements21": (0.96, 0.96), "synthetic_elements22": (0.96, 0.96),
          "synthetic_elements23": (0.94, 0.98), "synthetic_elements24": (0.94, 0.98),
          "synthetic_elements25": (0.97, 0.97), "synthetic_elements26": (0.94, 0.98),
          "synthetic_elements27": (0.95, 0.94), "synthetic_elements28": (0.92, 0.94),
          "synthetic_elements29": (0.92, 0.97), "synthetic_elements30": (0.92, 0.93),
          "synthetic_elements31": (0.95, 0.94), "synthetic_elements32": (0.90, 0.97),
          "synthetic_elements33": (0.92, 0.96), "synthetic_elements34": (0.93, 0.97),
          "synthetic_elements35": (0.93, 0.95), "synthetic_elements36": (0.95, 0.94),
          "synthetic_elements37": (0.90, 0.96), "synthetic_elements38": (0.94, 0.96),
          "synthetic_elements39": (0.95, 0.92), "synthetic_elements40": (0.93, 0.98),
          "synthetic_elements41": (0.93, 0.94), "synthetic_elements42": (0.96, 0.95),
          "synthetic_elements43": (0.99, 0.95), "synthetic_elements44": (0.94, 0.95),
          "synthetic_elements45": (0.93, 0.98), "synthetic_elements46": (0.94, 0.95),
          "synthetic_elements47": (0.94, 0.95), "synthetic_elements48": (0.94, 0.95),
          "synthetic_elements49": (0.98, 0.93), "synthetic_elements50": (0.95, 0.96),
          "synthetic_elements51": (0.95, 0.95), "synthetic_elements52": (0.97, 0.96),
          "synthetic_elements53": (0.98, 0.95), "synthetic_elements54": (0.98, 0.94),
          "synthetic_elements55": (0.96, 0.95), "synthetic_elements56": (0.94, 0.94),
          "synthetic_elements57": (0.94, 0.96), "synthetic_elements58": (0.95, 0.94),
          "synthetic_elements59": (0.93, 0.96), "synthetic_elements60": (0.98, 0.95),
          "synthetic_elements61": (0.95, 0.92), "synthetic_elements62": (0.96, 0.97),
          "synthetic_elements63": (0.98, 0.96), "synthetic_elements64": (0.98, 0.96),
          "synthetic_elements65": (0.98, 0.96), "synthetic_elements66": (0.98, 0.94),
          "synthetic_elements67": (0.98, 0.97), "synthetic_elements68": (0.97, 0.98),
          "synthetic_elements69": (0.98, 0.98), "synthetic_elements70": (0.98, 0.96),
          "synthetic_elements71": (0.98, 0.97), "synthetic_elements72": (0.98, 0.95),
          "synthetic_elements73": (0.98, 0.98), "synthetic_elements74": (0.98, 0.94),
          "synthetic_elements75": (0.97, 0.98), "synthetic_elements76": (0.96, 0.97),
          "synthetic_elements77": (0.94, 0.95), "synthetic_elements78": (0.98, 0.94),
          "synthetic_elements79": (0.99, 0.99), "synthetic_elements80": (0.99, 0.99),
          "synthetic_elements81": (0.99, 0.99), "synthetic_elements82": (0.99, 0.98),
          "synthetic_elements83": (0.99, 0.97), "synthetic_elements84": (0.99, 0.99),
          "synthetic_elements85": (0.99, 0.98), "synthetic_elements86": (0.98, 0.99),
          "synthetic_elements87": (0.99, 0.95), "synthetic_elements88": (0.99, 0.96),
          "synthetic_elements89": (0.98, 0.96), "synthetic_elements90": (0.99, 0.98),
          # rounds 18 and 19, after the fixes that followed their blind measurements
          "synthetic_elements91": (0.99, 0.97), "synthetic_elements92": (0.95, 0.96),
          "synthetic_elements93": (0.97, 0.98), "synthetic_elements94": (0.99, 0.97),
          "synthetic_elements95": (0.99, 0.97), "synthetic_elements96": (0.99, 0.98),
          "synthetic_elements97": (0.99, 0.97), "synthetic_elements98": (0.99, 0.98),
          "synthetic_elements99": (0.99, 0.97),
          # round 20, after the fixes that followed its blind measurement
          "synthetic_elements100": (0.98, 0.97), "synthetic_elements101": (0.98, 0.97),
          "synthetic_elements102": (0.98, 0.94), "synthetic_elements103": (0.99, 0.97),
          # round 21 (set 104 has one document, set 105 eight), after the fixes that followed it
          "synthetic_elements104": (0.99, 0.99), "synthetic_elements105": (0.97, 0.98),
          "synthetic_elements106": (0.98, 0.95), "synthetic_elements107": (0.96, 0.98),
          "synthetic_elements108": (0.98, 0.97),
          # round 22, after the fixes that followed its blind measurement
          "synthetic_elements109": (0.99, 0.99), "synthetic_elements110": (0.98, 0.99),
          "synthetic_elements111": (0.99, 0.99), "synthetic_elements112": (0.99, 0.99),
          "synthetic_elements113": (0.99, 0.99),
          # round 23, after the fixes that followed its blind measurement
          "synthetic_elements114": (0.99, 0.97), "synthetic_elements115": (0.98, 0.99),
          "synthetic_elements116": (0.99, 0.98), "synthetic_elements117": (0.98, 0.99),
          "synthetic_elements118": (0.99, 0.98),
          # round 24 (set 120 has two documents), after the fixes that followed it
          "synthetic_elements119": (0.95, 0.97), "synthetic_elements120": (0.99, 0.99),
          "synthetic_elements121": (0.93, 0.92), "synthetic_elements122": (0.93, 0.96),
          "synthetic_elements123": (0.95, 0.97),
          # round 25, after the fixes that followed its blind measurement
          "synthetic_elements124": (0.99, 0.98), "synthetic_elements125": (0.99, 0.96),
          "synthetic_elements126": (0.98, 0.93), "synthetic_elements127": (0.99, 0.99),
          "synthetic_elements128": (0.99, 0.96),
          # round 26, after the fixes that followed its blind measurement
          "synthetic_elements129": (0.99, 0.97), "synthetic_elements130": (0.99, 0.97),
          "synthetic_elements131": (0.99, 0.95), "synthetic_elements132": (0.99, 0.97),
          "synthetic_elements133": (0.99, 0.95),
          # round 27, after the fixes that followed its blind measurement
          "synthetic_elements134": (0.95, 0.94), "synthetic_elements135": (0.97, 0.92),
          "synthetic_elements136": (0.96, 0.96), "synthetic_elements137": (0.99, 0.98),
          "synthetic_elements138": (0.97, 0.96),
          # round 28 (sets 142 and 143 have five and four documents), after its fixes
          "synthetic_elements139": (0.97, 0.94), "synthetic_elements140": (0.97, 0.98),
          "synthetic_elements141": (0.99, 0.99), "synthetic_elements142": (0.99, 0.94),
          "synthetic_elements143": (0.99, 0.95),
          # rounds 29 and 30 (sets 144 and 148 have seven and six documents), after their fixes
          "synthetic_elements144": (0.95, 1.00), "synthetic_elements145": (0.98, 0.98),
          "synthetic_elements146": (1.00, 1.00), "synthetic_elements147": (0.98, 1.00),
          "synthetic_elements148": (1.00, 1.00), "synthetic_elements149": (0.98, 0.96),
          "synthetic_elements150": (0.98, 1.00), "synthetic_elements151": (0.98, 0.97),
          "synthetic_elements152": (1.00, 0.99), "synthetic_elements153": (1.00, 0.98),
          # round 31 (set 155 has ten documents), after its fixes
          "synthetic_elements154": (0.98, 0.97), "synthetic_elements155": (1.00, 0.98),
          "synthetic_elements156": (1.00, 0.99), "synthetic_elements157": (0.98, 0.97),
          "synthetic_elements158": (1.00, 0.98),
          # round 32, after its fixes
          "synthetic_elements159": (0.98, 0.99), "synthetic_elements160": (0.97, 0.94),
          "synthetic_elements161": (1.00, 0.95), "synthetic_elements162": (0.98, 0.97),
          "synthetic_elements163": (0.97, 0.98),
          # round 33 (set 168 has four documents), after its fixes
          "synthetic_elements164": (1.00, 0.97), "synthetic_elements165": (0.96, 0.97),
          "synthetic_elements166": (0.94, 0.99), "synthetic_elements167": (0.92, 0.95),
          "synthetic_elements168": (1.00, 1.00),
          # round 34, after its fixes
          "synthetic_elements169": (0.98, 0.98), "synthetic_elements170": (1.00, 1.00),
          "synthetic_elements171": (0.98, 0.98), "synthetic_elements172": (1.00, 1.00),
          "synthetic_elements173": (1.00, 0.98),
          # round 35 (set 177 has twelve documents), after its fixes
          "synthetic_elements174": (0.98, 0.97), "synthetic_elements175": (0.97, 0.96),
          "synthetic_elements176": (1.00, 1.00), "synthetic_elements177": (0.98, 1.00),
          "synthetic_elements178": (0.98, 0.97),
          # rounds 36 and 37 (sets 187 and 188 have eight and six documents), after their fixes
          "synthetic_elements179": (0.96, 0.98), "synthetic_elements180": (0.95, 0.96),
          "synthetic_elements181": (0.95, 0.97), "synthetic_elements182": (0.97, 0.94),
          "synthetic_elements183": (0.94, 0.96), "synthetic_elements184": (0.94, 0.94),
          "synthetic_elements185": (0.96, 0.93), "synthetic_elements186": (0.96, 0.99),
          "synthetic_elements187": (0.97, 0.98), "synthetic_elements188": (0.95, 1.00),
          # round 38 (twelve documents each), after its fixes
          "synthetic_elements189": (0.96, 0.97), "synthetic_elements190": (0.96, 0.93),
          "synthetic_elements191": (0.98, 0.96), "synthetic_elements192": (1.00, 0.95),
          "synthetic_elements193": (0.97, 0.98),
          # round 39 (set 198 has six documents), after its fixes
          "synthetic_elements194": (0.96, 0.95), "synthetic_elements195": (1.00, 0.96),
          "synthetic_elements196": (1.00, 0.96), "synthetic_elements197": (1.00, 0.96),
          "synthetic_elements198": (1.00, 1.00),
          # round 40 (set 201 has eight documents), after its fixes
          "synthetic_elements199": (0.98, 0.95), "synthetic_elements200": (1.00, 0.97),
          "synthetic_elements201": (1.00, 0.98), "synthetic_elements202": (0.96, 0.97),
          "synthetic_elements203": (0.95, 1.00),
          # round 41 (set 204 has five documents), after its fixes
          "synthetic_elements204": (1.00, 1.00), "synthetic_elements205": (0.97, 0.95),
          "synthetic_elements206": (0.98, 0.98), "synthetic_elements207": (0.94, 0.98),
          "synthetic_elements208": (0.92, 0.92),
          # round 42, after its fixes
          "synthetic_elements209": (1.00, 1.00), "synthetic_elements210": (1.00, 0.97),
          "synthetic_elements211": (1.00, 0.97), "synthetic_elements212": (1.00, 1.00),
          "synthetic_elements213": (0.97, 0.97),
          # round 43, after its fixes
          "synthetic_elements214": (1.00, 0.96), "synthetic_elements215": (0.98, 1.00),
          "synthetic_elements216": (1.00, 0.97), "synthetic_elements217": (0.98, 0.98),
          "synthetic_elements218": (1.00, 1.00),
          # round 44, after its fixes
          "synthetic_elements219": (0.98, 0.98), "synthetic_elements220": (1.00, 1.00),
          "synthetic_elements221": (1.00, 0.95), "synthetic_elements222": (0.98, 0.98),
          "synthetic_elements223": (0.95, 0.98),
          # round 45 (measured at 6d47ff6), after the one fix that followed (set 224)
          "synthetic_elements224": (0.98, 0.96), "synthetic_elements225": (0.98, 0.96),
          "synthetic_elements226": (1.00, 0.94), "synthetic_elements227": (0.98, 0.93),
          "synthetic_elements228": (0.96, 0.97)}


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_a_development_set_keeps_its_elements_and_facts(name: str) -> None:
    folder = DATA / name
    truth = load_truth(folder / "truth.yaml")
    results = {doc: check_document(folder / doc, Options()) for doc in truth}
    report = compare(results, truth)
    by_element = {e.element: e for e in report.elements}
    assert by_element["reserved"].fp == 0, "false reserved"
    assert by_element["ethical_supply_chain"].fp == 0, "false ethical-supply-chain"
    f1 = report.total().f1
    facts = compare_facts(results, load_facts_truth(folder / "facts_truth.yaml")).total()
    accuracy = facts.right / (facts.right + facts.wrong)
    element_floor, fact_floor = FLOORS[name]
    assert f1 is not None and f1 >= element_floor, f"{name}: element F1 {f1:.2f}"
    assert accuracy >= fact_floor, f"{name}: facts {facts.right}/{facts.right + facts.wrong}"
