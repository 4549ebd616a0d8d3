from sitrep.datafiles import load_data, parse_yaml


def test_only_true_and_false_are_booleans():
    data = parse_yaml("preps: [on, off, in]\nanswers: [yes, no]\ncountries: {NO: Norway}\nflag: true\nother: False\n")
    assert data["preps"] == ["on", "off", "in"]
    assert data["answers"] == ["yes", "no"]
    assert data["countries"] == {"NO": "Norway"}
    assert data["flag"] is True and data["other"] is False


def test_country_centroids_keep_norway():
    from sitrep.geo.gazetteer import load_regions

    assert "NO" in load_regions()["country_centroids"]


def test_package_data_files_load():
    for name in ("plover.yaml", "event_triggers.yaml", "quantities.yaml", "relations.yaml", "timex.yaml",
                 "modality.yaml", "quote_cues.yaml", "export_codes.yaml", "event_cues_fr.yaml", "descriptive_names.yaml"):
        assert load_data(name), name
