"""The writer: Pelican's, except that unchanged pages are taken from the previous site.

See :mod:`generator.incremental` for the fingerprints and the manifest.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path
from typing import Any, ClassVar

import pelican
from pelican.utils import sanitised_join
from pelican.writers import Writer

from ..build import BuildReport
from ..cache import cache_folder, code_fingerprint
from ..incremental import (
    Manifest,
    Memo,
    NoFingerprintError,
    digest,
    files_fingerprint,
    load_manifest,
    manifest_path,
    previous_page,
    reuse_file,
    save_manifest,
    settings_fingerprint,
)
from .config import briefing_settings
from .corpus import pelican_data, undated
from .search_job import start_search_index


class IncrementalWriter(Writer):  # type: ignore[misc]
    """Pelican's writer, except that a page whose fingerprint has not changed since the last
    build is copied from the previous site instead of rendered (see :mod:`generator.incremental`).

    A page's fingerprint covers the theme's templates, the generator's code, Pelican's version,
    the settings, and the page's inputs. Pages of the templates in ``OWN_INPUTS`` depend only
    on the values handed to them (an article, a thread, a person, a tag and its articles);
    every other page (index, archives, tag list, people, Who said what) depends on the whole
    corpus as well, so it is rendered whenever any article changes.
    """

    OWN_INPUTS: ClassVar[dict[str, tuple[str, ...]]] = {
        "article": ("article", "category"),
        "tag": ("tag", "articles"),
        "thread": ("thread",),
        "redirect": ("target", "kind"),
        "person": ("person",),
    }

    def __init__(self, output_path: str, settings: dict[str, Any] | None = None) -> None:
        super().__init__(output_path, settings=settings)
        settings = self.settings
        previous = settings.get("BRIEFING_PREVIOUS_OUTPUT")
        self.enabled = bool(previous) and briefing_settings(settings).cache
        self.previous = Path(previous) if previous else Path(output_path)
        self.manifest_file = manifest_path(cache_folder(Path(settings["PATH"])), self.previous)
        self.old: Manifest = load_manifest(self.manifest_file) if self.enabled else {}
        self.new: Manifest = {}
        self.rendered = self.reused = 0
        self.blind = 0  # pages rendered without a fingerprint (nothing to compare next time)
        self.base = ""
        self._corpus = ""
        self.articles_written = self.search_started = False
        self.memo: Memo = {}  # the records' digests, for this build's fingerprints
        self.inputs: Memo = {}  # the page inputs' digests (see _input_key)
        self.search_keys: dict[str, str | None] = {}  # article page -> its searchable content
        settings["_BRIEFING_WRITER"] = self

    def write_file(  # noqa: PLR0917  Pelican's Writer.write_file signature, overridden
        self,
        name: str,
        template: Any,
        context: dict[str, Any],
        relative_urls: bool = False,
        paginated: Any = None,
        template_name: str | None = None,
        override_output: bool = False,
        url: str | None = None,
        **kwargs: Any,
    ) -> None:
        if "article" in kwargs:  # an article page (or a translation), whatever its template
            self.articles_written = True
            self.search_keys[name] = getattr(kwargs["article"], "briefing_search_key", None)
        elif self.articles_written and not self.search_started:
            # Pelican writes every article page first: the first other page means the search
            # index can start now, on the second core, while the rest of the site is made.
            start_search_index(Path(self.output_path), self.settings, self)
        fingerprint = None
        if name and self.enabled and not override_output and not self._paginates(template_name):
            try:
                fingerprint = self._fingerprint(name, template, context, relative_urls, url, kwargs)
            except NoFingerprintError:
                fingerprint = None
        path = sanitised_join(self.output_path, name) if name else ""
        if fingerprint and path not in self._written_files:
            data = previous_page(self.previous, name, fingerprint, self.old)
            if data is not None:
                reuse_file(self.previous / name, Path(path))
                self._written_files.add(path)
                self.new[name] = (fingerprint, hashlib.sha256(data).hexdigest())
                self.reused += 1
                return
        if path in self._written_files and os.path.lexists(path):
            # Pelican overwrites in place (``override_output``): never through a hard link
            # into the previous site, which stays whole until the new one replaces it.
            os.unlink(path)
        super().write_file(
            name,
            template,
            context,
            relative_urls=relative_urls,
            paginated=paginated,
            template_name=template_name,
            override_output=override_output,
            url=url,
            **kwargs,
        )
        if name:
            self.rendered += 1
            self.blind += 0 if fingerprint else 1
        if fingerprint:
            written = hashlib.sha256(Path(path).read_bytes()).hexdigest()
            self.new[name] = (fingerprint, written)

    def write_feed(self, elements: Any, context: dict[str, Any], *args: Any, **kwargs: Any) -> Any:
        """Pelican's, without the undated articles: a feed entry must carry a date, and an
        undated article has none to give (its stand-in, :data:`UNDATED`, would be a false
        one). Its page, the index and the archives still list it."""
        dated = [e for e in elements if not undated(e)]
        return super().write_feed(dated, context, *args, **kwargs)

    def _paginates(self, template_name: str | None) -> bool:
        per_page = self.settings.get("PAGINATED_TEMPLATES", {}).get(template_name or "")
        return bool(per_page or (template_name and self.settings.get("DEFAULT_PAGINATION")))

    def _fingerprint(  # noqa: PLR0917  write_file's arguments, passed on as they came
        self,
        name: str,
        template: Any,
        context: dict[str, Any],
        relative_urls: bool,
        url: str | None,
        kwargs: dict[str, Any],
    ) -> str:
        kind = Path(template.name).stem
        if kind in self.OWN_INPUTS:
            inputs = {k: self._input_key(kwargs.get(k)) for k in self.OWN_INPUTS[kind]}
        else:
            skip = {"articles", "dates", "all_articles", "paginated"}
            inputs = {k: v for k, v in kwargs.items() if k not in skip}
            inputs["corpus"] = self._corpus_key(context)
        page = {
            "base": self._base_key(context),
            "name": name,
            "template": template.name,
            "relative_urls": relative_urls,
            "url": url,
            "page_name": kwargs.get("page_name"),
            "inputs": inputs,
        }
        return digest(page, pelican_data, self.memo)

    def _input_key(self, value: Any) -> str:
        """The digest of one page input, made once per build: a thread's view is the input
        of its page and of every old address that redirects to it (hundreds, in a large
        briefing), and the views do not change while the pages are written."""
        known = self.inputs.get(id(value))
        if known is None or known[0] is not value:
            known = self.inputs[id(value)] = (value, digest(value, pelican_data, self.memo))
        return known[1]

    def _base_key(self, context: dict[str, Any]) -> str:
        """What every page depends on: theme files, generator code, Pelican, settings."""
        if not self.base:
            briefing = context.get("briefing") or {}
            self.base = digest(
                {
                    # templates only: static files (CSS, JS) are copied on every build anyway
                    "theme": files_fingerprint([Path(self.settings["THEME"]) / "templates"]),
                    "code": code_fingerprint(),
                    "pelican": pelican.__version__,
                    "settings": settings_fingerprint(
                        self.settings, ["OUTPUT_PATH", "BRIEFING_PREVIOUS_OUTPUT"]
                    ),
                    "pack": bool(briefing.get("pack")),
                }
            )
        return self.base

    def _corpus_key(self, context: dict[str, Any]) -> str:
        """What listing pages depend on: every article and every list built from them."""
        if not self._corpus:
            briefing = context.get("briefing") or {}
            # Each article's key covers its record (bytes, name), URL, metadata and links;
            # the people, Who-said-what and call-out lists follow from the records and URLs
            # alone. Threads are named from the words linked articles share, so they count.
            self._corpus = digest(
                {
                    "articles": context.get("articles", []),
                    "tags": _tag_lists(context.get("tags") or []),
                    "threads": briefing.get("threads"),
                    "summary": briefing.get("summary"),
                },
                pelican_data,
                self.memo,
            )
        return self._corpus


def _tag_lists(tags: Any) -> list[tuple[str, Any]]:
    """Pelican's tags (a mapping or pairs of tag and articles) in a stable order."""
    pairs = tags.items() if hasattr(tags, "items") else tags
    return sorted(((str(tag), list(articles)) for tag, articles in pairs), key=lambda p: p[0])


def add_writer(pelican_object: Any) -> type[Writer]:
    return IncrementalWriter


def save_page_manifest(pelican_object: Any) -> None:
    """After writing: keep the fingerprints for the next build, and the counts for the report."""
    writer = pelican_object.settings.pop("_BRIEFING_WRITER", None)
    if isinstance(writer, IncrementalWriter):
        if writer.enabled:
            save_manifest(writer.manifest_file, writer.new)
        report = pelican_object.settings.get("_BRIEFING_REPORT")
        if isinstance(report, BuildReport):
            report.rendered, report.reused = writer.rendered, writer.reused
