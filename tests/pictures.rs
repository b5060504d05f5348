//! The publish's pictures on a real camera original (scripts/photos.sh fetches it into
//! target/photos/) and on every kind of bad picture: sizes, formats, quality held to a
//! perceptual measure (SSIMULACRA2), metadata stripped, orientation honoured, and a clear
//! sentence for each picture that cannot be sized. Run with `cargo test --features publish
//! --test pictures`.
#![cfg(feature = "publish")]

use article_reader::publish::manifest::{hash, Asset};
use article_reader::publish::pictures::{self, decode::decode, make, Outcome, Pictures};
use image::{DynamicImage, ImageEncoder, RgbImage};
use serde_json::json;
use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::OnceLock;

/// The lowest SSIMULACRA2 score a made file may have against the original scaled to its width
/// with the same filter: 70 is "high quality" on the measure's scale (90 visually lossless,
/// 50 medium).
const QUALITY_THRESHOLD: f64 = 70.0;

fn photo_path() -> PathBuf {
    let target = std::env::var("CARGO_TARGET_DIR").map_or_else(|_| PathBuf::from("target"), PathBuf::from);
    let path = target.join("photos/metal.jpeg");
    assert!(
        path.is_file(),
        "{} is missing: run scripts/photos.sh (scripts/check.sh and scripts/test.sh do)",
        path.display()
    );
    path
}

fn photo() -> &'static [u8] {
    static BYTES: OnceLock<Vec<u8>> = OnceLock::new();
    BYTES.get_or_init(|| std::fs::read(photo_path()).unwrap())
}

/// The camera original, made once for every test that looks at its files.
fn made_photo() -> &'static (Outcome, BTreeMap<String, Vec<u8>>) {
    static MADE: OnceLock<(Outcome, BTreeMap<String, Vec<u8>>)> = OnceLock::new();
    MADE.get_or_init(|| {
        let mut made = BTreeMap::new();
        let outcome = make("img/metal.jpg", photo(), &mut made).unwrap();
        (outcome, made)
    })
}

fn variants() -> &'static [pictures::Variant] {
    match &made_photo().0 {
        Outcome::Sized { variants, .. } => variants,
        other => panic!("the camera original was not sized: {other:?}"),
    }
}

#[test]
fn a_camera_original_is_made_at_six_widths_in_two_formats() {
    let Outcome::Sized { width, height, .. } = &made_photo().0 else {
        panic!()
    };
    assert_eq!((*width, *height), (5512, 3675));
    let made = &made_photo().1;
    let mut seen = Vec::new();
    for v in variants() {
        let bytes = &made[&v.path];
        let decoded = image::load_from_memory(bytes).unwrap();
        assert_eq!((decoded.width(), decoded.height()), (v.width, v.height), "{}", v.path);
        assert_eq!(
            v.height,
            (3675 * v.width + 5512 / 2) / 5512,
            "{}: the original's shape",
            v.path
        );
        // Named by their content: a new picture under the same name is a new file.
        assert!(v.path.contains(&hash(bytes)[..10]), "{}", v.path);
        assert!(v.path.starts_with("sized/metal-"), "{}", v.path);
        seen.push((v.mime.as_str(), v.width));
    }
    let widths = [320, 640, 828, 1200, 1440, 2048];
    let expected: Vec<(&str, u32)> = ["image/webp", "image/jpeg"]
        .iter()
        .flat_map(|m| widths.iter().map(move |w| (*m, *w)))
        .collect();
    assert_eq!(seen, expected);
    // The phone's file (a 412-px screen at 1.75× picks 828) is far under 80 KB.
    let phone = variants()
        .iter()
        .find(|v| v.width == 828 && v.mime == "image/webp")
        .unwrap();
    assert!(made[&phone.path].len() < 80_000, "{} bytes", made[&phone.path].len());
}

fn scores_against_the_original(widths: &[u32]) -> Vec<(String, f64)> {
    use fast_image_resize::{images::Image, FilterType, PixelType, ResizeAlg, ResizeOptions, Resizer};
    let original = image::load_from_memory(photo()).unwrap().to_rgb8();
    let made = &made_photo().1;
    let mut out = Vec::new();
    for v in variants().iter().filter(|v| widths.contains(&v.width)) {
        let source = Image::from_vec_u8(
            original.width(),
            original.height(),
            original.as_raw().clone(),
            PixelType::U8x3,
        )
        .unwrap();
        let mut scaled = Image::new(v.width, v.height, PixelType::U8x3);
        Resizer::new()
            .resize(
                &source,
                &mut scaled,
                &ResizeOptions::new().resize_alg(ResizeAlg::Convolution(FilterType::Lanczos3)),
            )
            .unwrap();
        let reference = RgbImage::from_raw(v.width, v.height, scaled.into_vec()).unwrap();
        let distorted = image::load_from_memory(&made[&v.path]).unwrap().to_rgb8();
        out.push((v.path.clone(), ssimulacra2(&reference, &distorted)));
    }
    out
}

fn ssimulacra2(a: &RgbImage, b: &RgbImage) -> f64 {
    use ssimulacra2::{ColorPrimaries, Rgb, TransferCharacteristic, Xyb};
    let xyb = |i: &RgbImage| {
        let pixels = i
            .pixels()
            .map(|p| [p[0] as f32 / 255.0, p[1] as f32 / 255.0, p[2] as f32 / 255.0])
            .collect();
        let rgb = Rgb::new(
            pixels,
            i.width() as usize,
            i.height() as usize,
            TransferCharacteristic::SRGB,
            ColorPrimaries::BT709,
        )
        .unwrap();
        Xyb::try_from(rgb).unwrap()
    };
    ssimulacra2::compute_frame_ssimulacra2(xyb(a), xyb(b)).unwrap()
}

#[test]
fn every_made_file_stays_sharp_by_a_perceptual_measure() {
    let scores = scores_against_the_original(&[320, 828, 1200]);
    assert_eq!(scores.len(), 6);
    for (path, score) in &scores {
        eprintln!("SSIMULACRA2 {path}: {score:.1}");
        assert!(*score >= QUALITY_THRESHOLD, "{path}: {score:.1} < {QUALITY_THRESHOLD}");
    }
}

#[test]
fn the_measure_catches_a_blurred_picture() {
    // The same check fails a file scaled down and up again (what a size win at the cost of
    // sharpness looks like): the threshold means something.
    let original = image::load_from_memory(photo()).unwrap();
    let sharp = original
        .resize_exact(828, 552, image::imageops::FilterType::Lanczos3)
        .to_rgb8();
    let blurred = DynamicImage::ImageRgb8(sharp.clone())
        .resize_exact(276, 184, image::imageops::FilterType::Triangle)
        .resize_exact(828, 552, image::imageops::FilterType::Triangle)
        .to_rgb8();
    let score = ssimulacra2(&sharp, &blurred);
    assert!(score < QUALITY_THRESHOLD, "a blurred picture scored {score:.1}");
}

#[test]
fn no_metadata_of_the_original_reaches_a_made_file() {
    let original = photo();
    for needle in [&b"Canon"[..], b"Photoshop", b"Exif"] {
        assert!(
            original.windows(needle.len()).any(|w| w == needle),
            "the original holds {needle:?}"
        );
    }
    for (path, bytes) in &made_photo().1 {
        for needle in [
            &b"Canon"[..],
            b"Photoshop",
            b"Exif",
            b"ICC_PROFILE",
            b"XMP",
            b"http://ns.adobe.com",
        ] {
            assert!(
                !bytes.windows(needle.len()).any(|w| w == needle),
                "{path} holds {:?}",
                String::from_utf8_lossy(needle)
            );
        }
    }
}

/// A JPEG `w` × `h` (a red left half, a blue right half) with an EXIF block: orientation
/// `orientation` and a GPS position.
fn jpeg_with_exif(w: u16, h: u16, orientation: u16) -> Vec<u8> {
    let mut pixels = Vec::new();
    for _y in 0..h {
        for x in 0..w {
            pixels.extend_from_slice(if x < w / 2 { &[220, 20, 20] } else { &[20, 20, 220] });
        }
    }
    let mut plain = Vec::new();
    jpeg_encoder::Encoder::new(&mut plain, 90)
        .encode(&pixels, w, h, jpeg_encoder::ColorType::Rgb)
        .unwrap();
    // TIFF, little-endian: IFD0 with Orientation and a GPS IFD pointer; the GPS IFD with
    // GPSLatitudeRef "N".
    let mut tiff: Vec<u8> = b"II*\0".to_vec();
    tiff.extend_from_slice(&8u32.to_le_bytes());
    tiff.extend_from_slice(&2u16.to_le_bytes());
    tiff.extend_from_slice(&0x0112u16.to_le_bytes());
    tiff.extend_from_slice(&3u16.to_le_bytes());
    tiff.extend_from_slice(&1u32.to_le_bytes());
    tiff.extend_from_slice(&u32::from(orientation).to_le_bytes());
    tiff.extend_from_slice(&0x8825u16.to_le_bytes());
    tiff.extend_from_slice(&4u16.to_le_bytes());
    tiff.extend_from_slice(&1u32.to_le_bytes());
    tiff.extend_from_slice(&38u32.to_le_bytes());
    tiff.extend_from_slice(&0u32.to_le_bytes());
    tiff.extend_from_slice(&1u16.to_le_bytes());
    tiff.extend_from_slice(&0x0001u16.to_le_bytes());
    tiff.extend_from_slice(&2u16.to_le_bytes());
    tiff.extend_from_slice(&2u32.to_le_bytes());
    tiff.extend_from_slice(b"N\0\0\0");
    tiff.extend_from_slice(&0u32.to_le_bytes());
    tiff.extend_from_slice(b"GPS-SECRET-PLACE");
    let mut app1 = b"Exif\0\0".to_vec();
    app1.extend_from_slice(&tiff);
    let mut out = plain[..2].to_vec();
    out.extend_from_slice(&[0xFF, 0xE1]);
    out.extend_from_slice(&((app1.len() + 2) as u16).to_be_bytes());
    out.extend_from_slice(&app1);
    out.extend_from_slice(&plain[2..]);
    out
}

#[test]
fn a_picture_taken_sideways_is_made_upright_without_its_place() {
    // Orientation 6: the camera was turned; the picture is shown turned 90° clockwise.
    let bytes = jpeg_with_exif(64, 32, 6);
    assert!(bytes.windows(16).any(|w| w == b"GPS-SECRET-PLACE"));
    let mut made = BTreeMap::new();
    let Outcome::Sized {
        width,
        height,
        variants,
    } = make("img/side.jpg", &bytes, &mut made).unwrap()
    else {
        panic!()
    };
    assert_eq!((width, height), (32, 64));
    for v in &variants {
        let bytes = &made[&v.path];
        assert!(!bytes.windows(3).any(|w| w == b"GPS"), "{}", v.path);
        assert!(!bytes.windows(4).any(|w| w == b"Exif"), "{}", v.path);
        let decoded = image::load_from_memory(bytes).unwrap().to_rgb8();
        assert_eq!(decoded.dimensions(), (32, 64));
        // Turned clockwise, the left (red) half is on top.
        let top = decoded.get_pixel(16, 8);
        let bottom = decoded.get_pixel(16, 56);
        assert!(top[0] > 150 && top[2] < 100, "{}: top {top:?}", v.path);
        assert!(bottom[2] > 150 && bottom[0] < 100, "{}: bottom {bottom:?}", v.path);
    }
}

fn why(outcome: &Outcome) -> String {
    match outcome {
        Outcome::Sized { .. } => "sized".into(),
        Outcome::Kept { why } => format!("kept: {why}"),
        Outcome::Broken { why } => format!("broken: {why}"),
    }
}

fn png_chunk(kind: &[u8; 4], data: &[u8]) -> Vec<u8> {
    let mut crc = flate2::Crc::new();
    crc.update(kind);
    crc.update(data);
    let mut out = (data.len() as u32).to_be_bytes().to_vec();
    out.extend_from_slice(kind);
    out.extend_from_slice(data);
    out.extend_from_slice(&crc.sum().to_be_bytes());
    out
}

/// A 57-byte PNG that declares 50,000 × 50,000 pixels (7.5 GB once decoded).
fn decompression_bomb() -> Vec<u8> {
    let mut ihdr = 50_000u32.to_be_bytes().to_vec();
    ihdr.extend_from_slice(&50_000u32.to_be_bytes());
    ihdr.extend_from_slice(&[8, 2, 0, 0, 0]);
    let mut out = b"\x89PNG\r\n\x1a\n".to_vec();
    out.extend(png_chunk(b"IHDR", &ihdr));
    out.extend(png_chunk(b"IDAT", &[0x78, 0x9c, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01]));
    out.extend(png_chunk(b"IEND", &[]));
    out
}

#[test]
fn bad_pictures_get_a_sentence_and_never_a_crash() {
    let truncated = &photo()[..photo().len() / 2];
    let mut cmyk = Vec::new();
    let cmyk_pixels: Vec<u8> = (0..64 * 48).flat_map(|i| [(i % 200) as u8, 40, 90, 10]).collect();
    jpeg_encoder::Encoder::new(&mut cmyk, 90)
        .encode(&cmyk_pixels, 64, 48, jpeg_encoder::ColorType::Cmyk)
        .unwrap();
    let mut sixteen = Vec::new();
    let deep: Vec<u8> = (0..40 * 30)
        .flat_map(|i: u32| ((i * 50) as u16).to_be_bytes().repeat(3))
        .collect();
    image::codecs::png::PngEncoder::new(&mut sixteen)
        .write_image(&deep, 40, 30, image::ExtendedColorType::Rgb16)
        .unwrap();
    let mut animated = Vec::new();
    {
        let mut encoder = image::codecs::gif::GifEncoder::new(&mut animated);
        let frame = |c: u8| image::Frame::new(image::RgbaImage::from_pixel(20, 10, image::Rgba([c, 0, 0, 255])));
        encoder.encode_frames([frame(10), frame(200)]).unwrap();
    }
    let cases: [(&str, &[u8], &str); 6] = [
        ("a truncated JPEG", truncated, "broken: a truncated JPEG"),
        (
            "a page named .jpg",
            b"<!doctype html><title>404</title>",
            "broken: not a picture",
        ),
        (
            "a decompression bomb",
            &decompression_bomb(),
            "broken: 50000 × 50000 pixels: larger than the publish decodes",
        ),
        ("a CMYK JPEG", &cmyk, "sized"),
        ("a 16-bit PNG", &sixteen, "sized"),
        ("an animated GIF", &animated, "kept: an animated GIF"),
    ];
    for (name, bytes, expected) in cases {
        let mut made = BTreeMap::new();
        let outcome = make("img/x.jpg", bytes, &mut made).unwrap_or_else(|e| panic!("{name}: {e}"));
        let said = why(&outcome);
        assert!(said.starts_with(expected), "{name}: {said}");
        if let Outcome::Sized { variants, .. } = &outcome {
            for v in variants {
                let decoded = image::load_from_memory(&made[&v.path]).unwrap();
                assert_eq!(decoded.width(), v.width, "{name}");
            }
        } else {
            assert!(made.is_empty(), "{name}: files were made");
        }
    }
}

#[test]
fn the_decoder_never_allocates_for_what_a_header_claims() {
    // The bomb is refused from its header: the check returns at once.
    let started = std::time::Instant::now();
    assert!(decode(&decompression_bomb()).is_err());
    assert!(started.elapsed() < std::time::Duration::from_secs(5));
}

fn folder(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("reader-pictures-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("img")).unwrap();
    dir
}

fn assets(dir: &std::path::Path, names: &[&str]) -> BTreeMap<String, Asset> {
    names
        .iter()
        .map(|n| {
            let meta = std::fs::metadata(dir.join(n)).unwrap();
            let modified = meta
                .modified()
                .unwrap()
                .duration_since(std::time::UNIX_EPOCH)
                .unwrap()
                .as_nanos();
            (
                n.to_string(),
                Asset {
                    size: meta.len(),
                    modified,
                },
            )
        })
        .collect()
}

#[test]
fn a_picture_is_made_once_and_again_only_when_it_changes() {
    let dir = folder("again");
    std::fs::write(dir.join("img/a.jpg"), jpeg_with_exif(300, 200, 1)).unwrap();
    std::fs::write(dir.join("img/b.svg"), "<svg xmlns='http://www.w3.org/2000/svg'/>").unwrap();
    let found = assets(&dir, &["img/a.jpg", "img/b.svg"]);
    let first = pictures::prepare(&dir, &found, &BTreeMap::new()).unwrap();
    assert_eq!(first.made.len(), 2, "one width (the original's 300), two formats");
    assert_eq!(first.changed.iter().collect::<Vec<_>>(), ["img/a.jpg"]);
    assert!(first.copies("img/b.svg") && !first.copies("img/a.jpg"));
    // Unchanged: nothing is read or made.
    let again = pictures::prepare(&dir, &found, &first.records).unwrap();
    assert!(again.made.is_empty() && again.changed.is_empty());
    assert_eq!(again.records, first.records);
    // Touched but the same bytes: read, not made.
    let mut touched = found.clone();
    touched.get_mut("img/a.jpg").unwrap().modified += 1;
    let same = pictures::prepare(&dir, &touched, &first.records).unwrap();
    assert!(same.made.is_empty() && same.changed.is_empty());
    // New bytes under the same name: new files, and the articles naming it are made again.
    std::fs::write(dir.join("img/a.jpg"), jpeg_with_exif(200, 300, 1)).unwrap();
    let changed = pictures::prepare(&dir, &assets(&dir, &["img/a.jpg"]), &first.records).unwrap();
    assert_eq!(changed.made.len(), 2);
    assert_eq!(changed.changed.iter().collect::<Vec<_>>(), ["img/a.jpg"]);
    // Gone: changed too.
    let gone = pictures::prepare(&dir, &BTreeMap::new(), &changed.records).unwrap();
    assert_eq!(gone.changed.iter().collect::<Vec<_>>(), ["img/a.jpg"]);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn articles_name_the_made_files_and_lose_a_broken_or_missing_picture() {
    let dir = folder("apply");
    std::fs::write(dir.join("img/a.jpg"), jpeg_with_exif(1500, 1000, 1)).unwrap();
    std::fs::write(dir.join("img/bad.jpg"), b"not a picture").unwrap();
    let found = assets(&dir, &["img/a.jpg", "img/bad.jpg"]);
    let pics: Pictures = pictures::prepare(&dir, &found, &BTreeMap::new()).unwrap();
    assert_eq!(pics.notes.len(), 1);
    assert!(
        pics.notes[0].starts_with("img/bad.jpg: not a picture"),
        "{}",
        pics.notes[0]
    );
    let mut article = json!({
        "image": { "src": "img/a.jpg", "alt": "A" },
        "body": [
            { "type": "image", "src": "./img/bad.jpg", "alt": "Bad" },
            { "type": "image", "src": "img/gone.jpg", "alt": "Gone" },
            { "type": "image", "src": "https://elsewhere.example/c.jpg", "alt": "Remote" }
        ],
        "related": [{ "headline": "R", "url": "https://x.example/", "image": { "src": "https://news.example/articles/img/a.jpg", "alt": "" } }]
    });
    let applied = pictures::apply(&mut article, &pics, &found, "https://news.example/articles/");
    assert!(applied.changed);
    assert_eq!(applied.missing, ["img/gone.jpg"]);
    assert_eq!(
        applied.named.iter().collect::<Vec<_>>(),
        ["img/a.jpg", "img/bad.jpg", "img/gone.jpg"]
    );
    let hero = &article["image"];
    assert_eq!(
        (hero["width"].as_u64(), hero["height"].as_u64()),
        (Some(1500), Some(1000))
    );
    let src = hero["src"].as_str().unwrap();
    assert!(
        src.starts_with("sized/a-1200.") && src.ends_with(".jpg"),
        "the share size: {src}"
    );
    let widths: Vec<(u64, &str)> = hero["srcset"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| (c["width"].as_u64().unwrap(), c["type"].as_str().unwrap()))
        .collect();
    assert_eq!(
        widths,
        [
            (320, "image/webp"),
            (640, "image/webp"),
            (828, "image/webp"),
            (1200, "image/webp"),
            (1440, "image/webp"),
            (1500, "image/webp"),
            (320, "image/jpeg"),
            (640, "image/jpeg"),
            (828, "image/jpeg"),
            (1200, "image/jpeg"),
            (1440, "image/jpeg"),
            (1500, "image/jpeg")
        ]
    );
    assert!(article["body"][0]["src"].is_null() && article["body"][1]["src"].is_null());
    assert_eq!(article["body"][2]["src"], "https://elsewhere.example/c.jpg");
    assert_eq!(article["related"][0]["image"]["srcset"], hero["srcset"]);
    // The article is still a valid one (format 1.2), its files resolved next to it.
    let mut full = article.clone();
    full["id"] = json!("a");
    full["headline"] = json!("A");
    let parsed =
        article_reader::model::parse_article(&full.to_string(), "https://news.example/articles/a.json").unwrap();
    let image = parsed.image.unwrap();
    assert_eq!(image.srcset.len(), 12);
    assert!(image.srcset[0]
        .src
        .starts_with("https://news.example/articles/sized/a-320."));
    let _ = std::fs::remove_dir_all(&dir);
}
