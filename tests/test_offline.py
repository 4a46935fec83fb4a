import zipfile
from datetime import date

from generator.publish.offline import build_date, write_zip


def make_site(root):
    (root / "articles").mkdir(parents=True)
    (root / "index.html").write_text("home")
    (root / "articles" / "a.html").write_text("article")
    return root


def test_zip_holds_the_site_in_one_folder_and_is_reproducible(tmp_path):
    site = make_site(tmp_path / "site")
    first = write_zip(site, date(2025, 3, 27)).read_bytes()
    second = write_zip(site, date(2025, 3, 27))
    assert second.read_bytes() == first
    assert second.relative_to(site).as_posix() == "telechargement/briefing-archive-2025-03-27.zip"
    with zipfile.ZipFile(second) as bundle:
        # Earlier zips are not zipped again.
        assert bundle.namelist() == ["briefing-archive-2025-03-27/articles/a.html",
                                     "briefing-archive-2025-03-27/index.html"]


def test_build_date_honours_source_date_epoch(monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1743033600")
    assert build_date() == date(2025, 3, 27)
