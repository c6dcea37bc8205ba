"""Committee photos, processed at build time: what a visitor downloads is small, square,
sharp on high-density screens, and carries nothing of the camera's metadata.

A photo given with ``:photo:`` is read once, when its page is read:

- it must be a file inside the project (:func:`common.files.project_file`), an image Pillow
  can decode, and at least twice the displayed size on its shorter side;
- it is turned upright (EXIF orientation), converted to sRGB, centre-cropped to a square,
  resized to twice its displayed size and encoded as WebP from the bare pixels, so that no
  EXIF, GPS, XMP or ICC data can follow; the quality steps down (and fine noise is
  softened) until the file fits :data:`MAX_BYTES`;
- it is kept in the build's cache under a name made from a hash of its bytes, and published
  into ``_images/people/`` at the end of an HTML build, with only the photos that a card
  uses (stale ones are removed). The originals are never copied: the photo folder inside
  ``html_static_path`` is excluded from the static files (:func:`exclude_originals`).
"""

import hashlib
import io
import shutil
import warnings
from pathlib import Path

from common.files import project_file
from common.problems import warn
from docutils import nodes
from PIL import Image, ImageCms, ImageFilter, ImageOps, UnidentifiedImageError
from sphinx.application import Sphinx
from sphinx.config import Config
from sphinx.environment import BuildEnvironment

#: Displayed size of a photo, in CSS pixels (site.css sizes the portrait to match).
DISPLAY_SIZE = 128
#: Published at twice the displayed size: sharp on high-density screens.
PUBLISHED_SIZE = 2 * DISPLAY_SIZE
#: The most a published photo may weigh (1 KB = 1000 bytes, as the page budgets count).
MAX_BYTES = 15_000
#: (blur radius, WebP quality) tried in turn until the photo fits MAX_BYTES. A camera photo
#: fits at the first (about 3 KB); only fine noise (grain, a pattern) needs softening.
STEPS = (*((0, q) for q in (82, 74, 66, 58, 50)), *((0.8, q) for q in (66, 50, 34)),
         *((1.6, q) for q in (50, 20, 0)))  # fmt: skip
#: Far above any camera (a 50-megapixel photo), far below a decompression bomb.
MAX_PIXELS = 50_000_000
#: Where the originals live, inside a folder of html_static_path (CONTRIBUTING.md).
ORIGINALS = "people"
#: Image files of that folder that the static copy leaves out.
ORIGINAL_SUFFIXES = ("jpg", "jpeg", "JPG", "JPEG", "png", "PNG", "webp", "gif", "tif", "tiff",
                     "heic", "bmp")  # fmt: skip
#: Output folder of the published photos, and the cache folder (in the doctree folder).
PUBLISHED = ("_images", "people")
CACHE = "people-photos"


class people_photo(nodes.General, nodes.Inline, nodes.Element):  # noqa: N801 (docutils style)
    """A processed photo: ``file`` (its published name) and ``size`` (CSS pixels)."""


def visit_photo_html(self, node: people_photo) -> None:
    # The name is written right below the photo: alt="" keeps screen readers from reading
    # it twice. Width and height reserve the space, so that nothing moves as it loads.
    # The photo is not wrapped in a link (Sphinx links scaled images to their original).
    src = "/".join([self.builder.imgpath, PUBLISHED[1], node["file"]])
    size = node["size"]
    self.body.append(
        f'<img src="{self.attval(src)}" alt="" width="{size}" height="{size}" '
        'class="people-photo" decoding="async">'
    )
    raise nodes.SkipNode


def skip_photo(self, node: people_photo) -> None:
    raise nodes.SkipNode


def _decode(path: Path) -> tuple[Image.Image | None, str | None]:
    """The image of ``path`` at (about) the size needed, upright, or what is wrong."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(path)
            width, height = image.size
            if width * height > MAX_PIXELS:
                return None, f"has {width}x{height} pixels, more than a camera gives; scale it down"
            if min(width, height) < PUBLISHED_SIZE:
                return None, (
                    f"is {width}x{height} pixels; use a photo of at least "
                    f"{PUBLISHED_SIZE}x{PUBLISHED_SIZE} (twice the {DISPLAY_SIZE}-pixel portrait, "
                    "for sharp screens)"
                )
            # JPEG can decode at 1/2, 1/4 or 1/8 of its size: far quicker for a camera photo.
            scale = PUBLISHED_SIZE / min(width, height)
            image.draft("RGB", (round(width * scale) + 1, round(height * scale) + 1))
            image.load()
            return ImageOps.exif_transpose(image), None
    except (UnidentifiedImageError, Image.DecompressionBombError, Image.DecompressionBombWarning):
        return None, "is not an image that can be read; use a JPEG, PNG or WebP photo"
    except (OSError, ValueError, SyntaxError):
        return None, "cannot be decoded (the file is damaged or cut short); export the photo again"


def _srgb(image: Image.Image) -> Image.Image:
    """The pixels in sRGB, with an alpha channel if the photo has one: browsers assume
    sRGB for an image without a colour profile, and the published photo carries none."""
    profile = image.info.get("icc_profile")
    alpha = "A" in image.getbands() or "transparency" in image.info
    mode = "RGBA" if alpha else "RGB"
    if image.mode not in ("RGB", "RGBA", "CMYK", "L"):
        image = image.convert(mode)
    if profile:
        try:
            source = ImageCms.ImageCmsProfile(io.BytesIO(profile))
            srgb = ImageCms.createProfile("sRGB")
            image = ImageCms.profileToProfile(image, source, srgb, outputMode=mode) or image
        except (ImageCms.PyCMSError, OSError, ValueError):
            pass  # a profile that cannot be read: the pixels as they are
    return image if image.mode == mode else image.convert(mode)


def encode(image: Image.Image) -> bytes:
    """A square WebP of :data:`PUBLISHED_SIZE`, made from the pixels only, within MAX_BYTES."""
    square = ImageOps.fit(_srgb(image), (PUBLISHED_SIZE, PUBLISHED_SIZE), Image.Resampling.LANCZOS)
    # A new image from the bare pixels: no info (EXIF, XMP, ICC...) can reach the file.
    bare = Image.frombytes(square.mode, square.size, square.tobytes())
    data = b""
    for blur, quality in STEPS:
        soft = bare.filter(ImageFilter.GaussianBlur(blur)) if blur else bare
        out = io.BytesIO()
        soft.save(out, "WEBP", quality=quality, method=6, exif=b"", xmp=b"", icc_profile=None)
        data = out.getvalue()
        if len(data) <= MAX_BYTES:
            break
    return data


def prepare(env: BuildEnvironment, written: str) -> tuple[str | None, str | None]:
    """The published name of the photo ``written`` on the current page, or what is wrong.

    The processed file is kept in the build's cache until :func:`publish` copies it.
    """
    path, problem = project_file(env, written)
    if problem:
        return None, problem
    env.note_dependency(str(path))
    image, problem = _decode(path)
    if problem:
        return None, f"photo {written!r} {problem}"
    data = encode(image)
    name = hashlib.sha256(data).hexdigest()[:20] + ".webp"
    cache = Path(env.doctreedir) / CACHE
    cache.mkdir(parents=True, exist_ok=True)
    if not (cache / name).is_file():
        (cache / name).write_bytes(data)
    return name, None


def publish(app: Sphinx, used: set[str]) -> list[str]:
    """Copy the photos that cards use into the output, remove the others; returns the
    names that could not be found in the cache."""
    target = Path(app.outdir).joinpath(*PUBLISHED)
    cache = Path(app.doctreedir) / CACHE
    missing = []
    if used:
        target.mkdir(parents=True, exist_ok=True)
    for name in sorted(used):
        if not (target / name).is_file():
            if (cache / name).is_file():
                shutil.copyfile(cache / name, target / name)
            else:
                missing.append(name)
    if target.is_dir():
        for stale in target.iterdir():
            if stale.name not in used and stale.is_file():
                stale.unlink()
    return missing


def exclude_originals(app: Sphinx, config: Config) -> None:
    """Leave the original photos out of the static files that are copied to the output.

    Sphinx matches ``exclude_patterns`` against each static folder's own paths
    (``people/ada.jpg``) as well as the pages' paths: the patterns name image files only,
    so they never hide a page.
    """
    patterns = [f"{ORIGINALS}/**.{suffix}" for suffix in ORIGINAL_SUFFIXES]
    config.exclude_patterns = [
        *config.exclude_patterns,
        *(pattern for pattern in patterns if pattern not in config.exclude_patterns),
    ]


def publish_used(app: Sphinx, exception: Exception | None) -> None:
    """At the end of an HTML build: publish the photos of the cards, and only those."""
    if exception is not None or app.builder.format != "html":
        return
    from .store import get_people

    people = [person for person in get_people(app.env) if person.photo]
    missing = set(publish(app, {person.photo for person in people}))
    for person in people:
        if person.photo in missing:  # the cache was removed while the pages were not
            warn(
                (person.docname, person.line),
                "people",
                "photo",
                f"person {person.name!r}: the processed photo is missing from the build's "
                "cache; build again with -E",
            )


def setup_photos(app: Sphinx) -> None:
    app.add_node(
        people_photo,
        html=(visit_photo_html, None),
        latex=(skip_photo, None),
        text=(skip_photo, None),
        man=(skip_photo, None),
        texinfo=(skip_photo, None),
    )
    app.connect("config-inited", exclude_originals)
    app.connect("build-finished", publish_used)
