"""Flags: each one firing and not firing, with near misses at every threshold.

Documents, sections and signals are built by hand (``build`` below) so the
flags are tested on exactly the inputs the guide describes.
"""

from __future__ import annotations

import pytest

from resume_signals.document import Document, LineDraft, assemble
from resume_signals.judge.flags import find_architectures, has_act, raise_flags
from resume_signals.report import Entry, Section, Seniority, Signal
from resume_signals.spec.rules import load_rules

HEADINGS = {"CONTACT": "contact", "SUMMARY": "summary", "EXPERIENCE": "experience", "PROJECTS": "projects",
            "SKILLS": "skills", "REFERENCES": "references"}


def build(lines: list[str]) -> tuple[Document, list[Section], list[Entry]]:
    """A document from lines; "EXPERIENCE"-style lines open sections, "- " lines are bullets.

    A line starting with "@ " is a job header and opens an entry.
    """
    drafts = []
    for line in lines:
        if line.startswith("- "):
            drafts.append(LineDraft("• " + line[2:], bullet=True))
        else:
            drafts.append(LineDraft(line.removeprefix("@ ")))
    doc = assemble(drafts, "txt")
    sections: list[Section] = []
    entries: list[Entry] = []
    kind, start = "contact", 0
    for src, line in zip(lines, doc.lines, strict=True):
        if src in HEADINGS:
            if line.start > start:
                sections.append(Section(kind=kind, heading=None, start=start, end=line.start - 1))
            kind, start = HEADINGS[src], line.start
        if src.startswith("@ "):
            entries.append(Entry(section=kind, title=line.text, organization=None, dates=None,
                                 start=line.start, end=line.end))
    sections.append(Section(kind=kind, heading=None, start=start, end=len(doc.text)))
    return doc, sections, entries


def sig(doc: Document, sections: list[Section], name: str, phrase: str, nth: int = 0, ml: bool = True) -> Signal:
    """A signal on the ``nth`` occurrence of ``phrase``, its unit being the whole line (about ML unless told)."""
    pos = -1
    for _ in range(nth + 1):
        pos = doc.text.index(phrase, pos + 1)
    line = next(ln for ln in doc.lines if ln.start <= pos < ln.end)
    section = next(s.kind for s in sections if s.start <= pos <= s.end)
    return Signal(name=name, text=line.text, match=phrase, start=pos, end=pos + len(phrase), section=section,
                  rule="test", ml=ml)


def flags_of(lines: list[str], signals: list[tuple[str, str]] = (), level: str = "mid", ml: bool = True) -> dict:
    doc, sections, entries = build(lines)
    sigs = [sig(doc, sections, name, phrase, ml=ml) for name, phrase in signals]
    raised = raise_flags(doc, sections, entries, sigs, Seniority(level=level, years=4.0), load_rules())
    return {f.name: f for f in raised}


SIX = "ResNet, VGG, BERT, LSTM, XGBoost, YOLO"


# ---------------------------------------------------------------- architecture_padding

def test_flags_padding_fires_on_a_bare_list_of_six() -> None:
    flags = flags_of(["SKILLS", f"Models: {SIX}", "EXPERIENCE", "@ ML Engineer",
                      "- Deployed the churn model to production"], [("deployed", "Deployed")])
    flag = flags["architecture_padding"]
    assert flag.evidence["count"] == 6
    assert flag.evidence["architectures"] == ["ResNet", "VGG", "BERT", "LSTM", "XGBoost", "YOLO"]
    assert flag.evidence["in_context"] == [] and flag.evidence["share"] == 0
    assert "6" in flag.reason and "ResNet" in flag.reason


def test_flags_padding_needs_six_distinct_five_is_a_near_miss() -> None:
    assert "architecture_padding" not in flags_of(["SKILLS", "Models: ResNet, VGG, BERT, LSTM, XGBoost"])


def test_flags_padding_counts_aliases_once() -> None:
    # Six mentions, five families: ResNet-50 / ResNet50 / resnet are one.
    flags = flags_of(["SKILLS", "ResNet-50, ResNet50, resnet, VGG16, BERT, LSTMs, XGBoost"])
    assert "architecture_padding" not in flags


@pytest.mark.parametrize(
    ("in_context", "fires"),
    [
        (0, True),
        (1, True),
        (2, True),   # exactly a third of six: "at most a third" fires
        (3, False),  # half
        (6, False),
    ],
)
def test_flags_padding_share_boundary(in_context: int, fires: bool) -> None:
    names = ["ResNet", "VGG", "BERT", "LSTM", "XGBoost", "YOLO"]
    lines = ["SKILLS", ", ".join(names), "EXPERIENCE", "@ ML Engineer"]
    signals = []
    for i, name in enumerate(names[:in_context]):
        lines.append(f"- Trained a {name} model that cut fraud losses by {i + 2}%")
        signals.append(("outcome_metric", f"by {i + 2}%"))
    flags = flags_of(lines, signals)
    assert ("architecture_padding" in flags) is fires
    if fires:
        assert flags["architecture_padding"].evidence["in_context_count"] == in_context


def test_flags_padding_seven_with_two_in_context_fires_and_three_of_nine_fires() -> None:
    seven = "ResNet, VGG, BERT, LSTM, XGBoost, YOLO, GAN"
    lines = ["SKILLS", seven, "EXPERIENCE", "@ Engineer", "- Shipped a BERT ranker and a GAN augmenter"]
    assert "architecture_padding" in flags_of(lines, [("shipped", "Shipped")])
    nine = seven + ", SVM, T5"
    lines = ["SKILLS", nine, "EXPERIENCE", "@ Engineer", "- Shipped a BERT ranker, a T5 summariser and a GAN"]
    flag = flags_of(lines, [("shipped", "Shipped")])["architecture_padding"]
    assert flag.evidence["in_context_count"] == 3 and flag.evidence["count"] == 9


@pytest.mark.parametrize(
    ("bullet", "signal"),
    [
        # Act but only production_stack: not context.
        ("- Trained ResNet, VGG and BERT on Kubernetes", ("production_stack", "Kubernetes")),
        # A non-stack signal but no act (no past-tense verb).
        ("- Responsible for ResNet, VGG and BERT with team of 5", ("team_size", "team of 5")),
    ],
)
def test_flags_padding_context_needs_act_and_real_signal(bullet: str, signal: tuple[str, str]) -> None:
    lines = ["SKILLS", SIX, "EXPERIENCE", "@ ML Engineer", bullet]
    flag = flags_of(lines, [signal])["architecture_padding"]
    assert flag.evidence["in_context_count"] == 0


def test_flags_padding_context_must_be_experience_or_projects() -> None:
    # The same bullet in a summary does not put architectures in context.
    lines = ["SUMMARY", "Deployed ResNet, VGG and BERT models to production.", "SKILLS", SIX]
    flag = flags_of(lines, [("deployed", "Deployed")])["architecture_padding"]
    assert flag.evidence["in_context_count"] == 0
    # In projects it does: 3 of 6 in context, no flag.
    lines = ["PROJECTS", "@ Side project", "- Deployed ResNet, VGG and BERT models to production.", "SKILLS", SIX]
    assert "architecture_padding" not in flags_of(lines, [("deployed", "Deployed")])


def test_flags_padding_wrapped_bullet_is_one_unit() -> None:
    lines = ["EXPERIENCE", "@ ML Engineer", "- Deployed the document classifier built on ResNet, VGG",
             "and BERT to production for claims triage", "SKILLS", SIX]
    assert "architecture_padding" not in flags_of(lines, [("deployed", "Deployed")])


def test_flags_padding_signal_unit_text_counts_as_a_bullet() -> None:
    # A signal whose evidence is one sentence of a paragraph: that sentence is the unit.
    doc, sections, entries = build(["EXPERIENCE", "@ ML Engineer",
                                    "Led the search team. Deployed ResNet, VGG and BERT models to production.",
                                    "SKILLS", SIX])
    sentence = "Deployed ResNet, VGG and BERT models to production."
    pos = doc.text.index(sentence)
    deployed = Signal("deployed", sentence, "Deployed", pos, pos + 8, "experience", "test", ml=True)
    raised = raise_flags(doc, sections, entries, [deployed], Seniority(), load_rules())
    assert [f.name for f in raised] == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ResNet-50 and ResNet50 and ResNeXt", ["ResNet"]),
        ("YOLOv8, U-Net, UNet and GPT-4o", ["YOLO", "U-Net", "GPT"]),
        ("Mask R-CNN and Faster R-CNN", ["R-CNN"]),
        ("a CNN and an RNN", ["CNN", "RNN"]),
        ("CNN/RNN hybrids, not a link", ["CNN", "RNN"]),
        ("R, Python and k-NN or KNN", ["k-nearest neighbours"]),
        ("random forests, k-means and kmeans", ["random forest", "k-means"]),
        ("Llama 3.1 and LLaMA", ["Llama"]),
        ("RoBERTa, DeBERTa and DistilBERT", ["RoBERTa", "DeBERTa", "DistilBERT"]),
        ("Vision Transformer and a Transformer", ["Vision Transformer", "Transformer"]),
        ("LLMs, ChatGPT and a NeRF", ["LLM", "GPT", "NeRF"]),
        ("GMM, LDA topic models, PCA and agglomerative clustering",
         ["Gaussian mixture model", "LDA", "PCA", "hierarchical clustering"]),
        ("Siamese nets, an MLP head and MCTS self-play", ["Siamese network", "multilayer perceptron",
                                                          "Monte Carlo tree search"]),
        ("RT-DETR, 3DGS scenes and UNITER", ["DETR", "Gaussian splatting", "UNITER"]),
        ("diffusion-based inpainting", ["diffusion model"]),
        ("isolation forests, Holt-Winters and collaborative filtering",
         ["isolation forest", "exponential smoothing", "collaborative filtering"]),
        # Near misses: ordinary words and first names.
        ("nerf guns, an llm degree (a law master's) and a helmet", []),
        ("Moe and Elmo whispered about the blip on the detour", []),
        ("Bert and Albert clipped the organ since its inception", []),
        ("the transformers library", ["Transformer"]),
        ("began a scan, organ donation, internal svmaps", []),
    ],
)
def test_flags_architecture_aliases(text: str, expected: list[str]) -> None:
    doc, sections, _ = build(["SKILLS", text])
    names = []
    for m in find_architectures(doc, sections):
        if m["name"] not in names:
            names.append(m["name"])
    assert names == expected


def test_flags_padding_never_reads_contact_emails_or_links() -> None:
    lines = ["BERT GAN", "yolo.vgg@example.com | github.com/lstm-resnet | https://xgboost-fan.example/svm",
             "SKILLS", "ResNet, VGG, BERT"]
    doc, sections, _ = build(lines)
    assert {m["name"] for m in find_architectures(doc, sections)} == {"ResNet", "VGG", "BERT"}
    # Also e-mails and links outside the contact block.
    doc, sections, _ = build(["SKILLS", "LSTM, see yolo.gan@example.org, https://x.example/vgg, github.com/svm-gru"])
    assert {m["name"] for m in find_architectures(doc, sections)} == {"LSTM"}


@pytest.mark.parametrize(
    ("text", "act"),
    [
        ("Fine-tuned BERT for support tickets", True),
        ("Built a YOLO pipeline", True),
        ("Led the migration", True),
        ("Re-architected the ranking service", True),
        ("Won a silver medal", True),
        ("Familiar with BERT and GPT", False),
        ("Need for speed in distributed, supervised systems", False),
        ("Experienced, detailed and motivated", False),
        ("Embed models into a GPU-based feed", False),
        ("Will deploy models next quarter", False),
        # after an article an -ed word describes the noun
        ("Bronze medal in a featured Kaggle competition", False),
        ("Used the labelled data to train a CNN", True),
    ],
)
def test_flags_has_act(text: str, act: bool) -> None:
    assert has_act(text) is act


# ------------------------------------------------------------ missing_production_signals

PRODUCTION = ["shipped", "deployed", "monitoring", "rollback", "ab_testing", "post_launch_iteration"]
PLAIN = ["EXPERIENCE", "@ Senior Scientist", "- Published 14 papers", "- Did something with a team of 5"]


@pytest.mark.parametrize(("level", "fires"), [("senior", True), ("staff_plus", True), ("mid", False),
                                               ("junior", False), ("unknown", False)])
def test_flags_missing_production_by_level(level: str, fires: bool) -> None:
    flags = flags_of(PLAIN, [("team_size", "team of 5")], level=level)
    assert ("missing_production_signals" in flags) is fires
    if fires:
        flag = flags["missing_production_signals"]
        assert flag.evidence["level"] == level
        assert flag.evidence["missing"] == PRODUCTION
        assert level in flag.reason


@pytest.mark.parametrize("name", PRODUCTION)
def test_flags_missing_production_any_one_signal_clears_it(name: str) -> None:
    flags = flags_of(PLAIN, [(name, "Published")], level="senior")
    assert "missing_production_signals" not in flags


@pytest.mark.parametrize("name", ["outcome_metric", "ownership", "production_stack", "versioning", "team_size",
                                  "offline_metric", "competition"])
def test_flags_missing_production_other_signals_do_not_clear_it(name: str) -> None:
    flags = flags_of(PLAIN, [(name, "Published")], level="senior")
    assert "missing_production_signals" in flags


# -------------------------------------------------------- competition_without_production

KAGGLE = ["EXPERIENCE", "@ Data Scientist", "- Kaggle Master, 3 silver medals", "- Rolled out the model"]


def test_flags_competition_without_production_fires() -> None:
    flags = flags_of(KAGGLE, [("competition", "Kaggle Master"), ("production_stack", "model")])
    flag = flags["competition_without_production"]
    assert flag.evidence["count"] == 1
    assert flag.evidence["competition"][0]["match"] == "Kaggle Master"
    assert "competition" in flag.reason


@pytest.mark.parametrize("name", PRODUCTION)
def test_flags_competition_with_production_does_not_fire(name: str) -> None:
    flags = flags_of(KAGGLE, [("competition", "Kaggle Master"), (name, "Rolled out")])
    assert "competition_without_production" not in flags


def test_flags_no_competition_no_flag() -> None:
    assert flags_of(KAGGLE, [("offline_metric", "3 silver")]) == {}


def test_flags_order_is_fixed_and_all_can_fire_together() -> None:
    doc, sections, entries = build(["SKILLS", SIX, *KAGGLE])
    signals = [sig(doc, sections, "competition", "Kaggle Master")]
    raised = raise_flags(doc, sections, entries, signals, Seniority(level="senior", years=7.0), load_rules())
    assert [f.name for f in raised] == ["architecture_padding", "missing_production_signals",
                                        "competition_without_production"]
    assert all(f.reason.endswith(".") for f in raised)


# ---------------------------------------------------------------------- no_ml_production

WEB = ["EXPERIENCE", "@ Backend Engineer", "- Rolled out the checkout service", "- Kept the model registry tidy"]


@pytest.mark.parametrize("name", PRODUCTION)
def test_flags_no_ml_production_fires_when_every_act_is_other_software(name: str) -> None:
    flag = flags_of(WEB, [(name, "Rolled out")], ml=False)["no_ml_production"]
    assert flag.evidence["acts"][0]["name"] == name and flag.evidence["acts"][0]["match"] == "Rolled out"
    assert "machine-learning" in flag.reason and name in flag.reason


@pytest.mark.parametrize(("signals", "fires"), [
    ([("deployed", "Rolled out", False), ("monitoring", "Rolled out", True)], False),  # one act about ML clears it
    ([("deployed", "Rolled out", False), ("versioning", "model registry", True)], True),  # ML evidence, no ML act
    ([("versioning", "model registry", False)], False),  # no production act at all: nothing to say
    ([], False),
])
def test_flags_no_ml_production_needs_acts_and_none_about_ml(signals: list, fires: bool) -> None:
    doc, sections, entries = build(WEB)
    sigs = [sig(doc, sections, name, phrase, ml=ml) for name, phrase, ml in signals]
    raised = raise_flags(doc, sections, entries, sigs, Seniority(level="mid", years=4.0), load_rules())
    assert ("no_ml_production" in {f.name for f in raised}) is fires


def _pack(tmp_path, body: str):
    path = tmp_path / "pack.toml"
    path.write_text(body, encoding="utf-8")
    return load_rules(path)


def test_flags_rule_pack_can_change_padding_threshold(tmp_path) -> None:
    lines = ["SKILLS", "ResNet, VGG, BERT, LSTM, XGBoost"]
    doc, sections, entries = build(lines)
    assert raise_flags(doc, sections, entries, [], Seniority(), load_rules()) == []
    rules = _pack(tmp_path, "[flags.padding]\nmin_distinct = 5\n")
    raised = raise_flags(doc, sections, entries, [], Seniority(), rules)
    assert [f.name for f in raised] == ["architecture_padding"]


def test_flags_rule_pack_word_lists_extend_architectures_and_acts(tmp_path) -> None:
    lines = ["SKILLS", "ResNet, VGG, BERT, LSTM, XGBoost, HydraNet", "EXPERIENCE", "@ Engineer",
             "- Slung BERT, VGG and HydraNet into the claims service, cutting handling time by 9%"]
    doc, sections, entries = build(lines)
    signals = [sig(doc, sections, "outcome_metric", "by 9%")]
    # Bundled rules: HydraNet is unknown (5 architectures) and "Slung" is no act.
    assert raise_flags(doc, sections, entries, signals, Seniority(), load_rules()) == []
    pack = _pack(tmp_path, '[lexicons]\narchitectures = ["HydraNet"]\n')
    flag = raise_flags(doc, sections, entries, signals, Seniority(), pack)[0]
    assert flag.evidence["count"] == 6 and flag.evidence["in_context_count"] == 0
    pack = _pack(tmp_path, '[lexicons]\narchitectures = ["HydraNet"]\npast_tense = ["slung"]\n')
    assert raise_flags(doc, sections, entries, signals, Seniority(), pack) == []
