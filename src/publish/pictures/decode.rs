//! Reading a picture of the archive into sRGB pixels, turned upright, within bounded memory;
//! or saying, in a sentence, why it cannot be (and whether it is then kept as it is or left
//! out).

use image::{
    codecs::gif::GifDecoder, metadata::Orientation, AnimationDecoder, DynamicImage, ImageDecoder, ImageError,
    ImageFormat, ImageReader, Limits,
};
use std::io::Cursor;

/// The widest or tallest picture decoded, in pixels.
pub const MAX_SIDE: u32 = 16_384;
/// The most pixels a picture may have: 120 megapixels (the largest camera sensors make about
/// 100).
pub const MAX_PIXELS: u64 = 120_000_000;
/// What the decoder may allocate at once: a picture of [`MAX_PIXELS`] at 8 bits with alpha.
pub const MAX_ALLOC: u64 = MAX_PIXELS * 4;

/// Why a picture is not sized.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Unsized {
    /// Published as it is (a drawing, an animation, a format the publish cannot read but a
    /// browser can).
    Kept(String),
    /// Left out: the articles that name it show their text in its place.
    Broken(String),
}

/// A picture read: sRGB, upright, 8 bits per channel, RGB or (when it has transparency) RGBA.
pub struct Decoded {
    pub pixels: DynamicImage,
    pub alpha: bool,
}

/// Reads `bytes` (the file's content; its name's extension is not trusted).
pub fn decode(bytes: &[u8]) -> Result<Decoded, Unsized> {
    let format = image::guess_format(bytes)
        .map_err(|_| Unsized::Broken("not a picture: its content is none of JPEG, PNG, WebP or GIF".into()))?;
    match format {
        ImageFormat::Jpeg | ImageFormat::Png | ImageFormat::WebP | ImageFormat::Gif => {}
        ImageFormat::Avif => {
            return Err(Unsized::Kept(
                "an AVIF file: kept as it is (the publish does not decode AVIF)".into(),
            ))
        }
        other => {
            return Err(Unsized::Broken(format!(
                "a {} file: the reader publishes JPEG, PNG, WebP, GIF and SVG pictures",
                other.extensions_str().first().unwrap_or(&"unknown").to_uppercase()
            )))
        }
    }
    if format == ImageFormat::Jpeg && !jpeg_is_complete(bytes) {
        return Err(Unsized::Broken(
            "a truncated JPEG: the file ends before the picture does (was the upload cut short?)".into(),
        ));
    }
    let (w, h) = ImageReader::with_format(Cursor::new(bytes), format)
        .into_dimensions()
        .map_err(|e| broken(&e))?;
    if w > MAX_SIDE || h > MAX_SIDE || u64::from(w) * u64::from(h) > MAX_PIXELS {
        return Err(Unsized::Broken(format!(
            "{w} × {h} pixels: larger than the publish decodes (at most {MAX_SIDE} pixels a side and {} megapixels)",
            MAX_PIXELS / 1_000_000
        )));
    }
    if format == ImageFormat::Gif && animated(bytes)? {
        return Err(Unsized::Kept(
            "an animated GIF: kept as it is (sizing it would stop the animation)".into(),
        ));
    }
    let mut reader = ImageReader::with_format(Cursor::new(bytes), format);
    reader.limits(limits());
    let mut decoder = reader.into_decoder().map_err(|e| broken(&e))?;
    let orientation = decoder.orientation().unwrap_or(Orientation::NoTransforms);
    let icc = decoder.icc_profile().ok().flatten();
    let mut pixels = DynamicImage::from_decoder(decoder).map_err(|e| broken(&e))?;
    pixels.apply_orientation(orientation);
    // Transparency kept only where a pixel uses it (one conversion either way).
    let mut pixels = if pixels.color().has_alpha() {
        let rgba = pixels.into_rgba8();
        if rgba.pixels().any(|p| p[3] < 255) {
            DynamicImage::ImageRgba8(rgba)
        } else {
            DynamicImage::ImageRgb8(DynamicImage::ImageRgba8(rgba).into_rgb8())
        }
    } else {
        DynamicImage::ImageRgb8(pixels.into_rgb8())
    };
    let alpha = pixels.color().has_alpha();
    if let Some(icc) = icc {
        to_srgb(&mut pixels, &icc);
    }
    Ok(Decoded { pixels, alpha })
}

fn limits() -> Limits {
    let mut limits = Limits::default();
    limits.max_image_width = Some(MAX_SIDE);
    limits.max_image_height = Some(MAX_SIDE);
    limits.max_alloc = Some(MAX_ALLOC);
    limits
}

fn broken(e: &ImageError) -> Unsized {
    Unsized::Broken(match e {
        ImageError::Limits(_) => format!(
            "larger than the publish decodes (at most {MAX_SIDE} pixels a side and {} megapixels)",
            MAX_PIXELS / 1_000_000
        ),
        ImageError::Unsupported(u) => format!("a kind of picture the publish cannot read ({u})"),
        other => format!("cannot be read: {other}"),
    })
}

/// Whether a JPEG's data ends with its end-of-image marker (padding after it is allowed).
fn jpeg_is_complete(bytes: &[u8]) -> bool {
    let end = bytes.iter().rposition(|b| *b != 0).map_or(0, |i| i + 1);
    bytes[..end].ends_with(&[0xFF, 0xD9])
}

/// Whether a GIF has more than one frame (only the first two are decoded, within the limits).
fn animated(bytes: &[u8]) -> Result<bool, Unsized> {
    let mut decoder = GifDecoder::new(Cursor::new(bytes)).map_err(|e| broken(&e))?;
    decoder.set_limits(limits()).map_err(|e| broken(&e))?;
    let mut frames = decoder.into_frames();
    let first = frames.next().transpose().map_err(|e| broken(&e))?;
    Ok(first.is_some() && frames.next().is_some())
}

/// Converts pixels described by an embedded ICC profile (Display P3, Adobe RGB, a camera's) to
/// sRGB, as browsers assume for a picture without one. A profile that cannot be read, or that
/// does not describe RGB (a CMYK JPEG's, whose pixels the decoder already made RGB), is left
/// aside: the pixels are taken as sRGB.
fn to_srgb(pixels: &mut DynamicImage, icc: &[u8]) {
    use moxcms::{ColorProfile, DataColorSpace, Layout, TransformOptions};
    let Ok(profile) = ColorProfile::new_from_slice(icc) else {
        return;
    };
    if profile.color_space != DataColorSpace::Rgb {
        return;
    }
    let srgb = ColorProfile::new_srgb();
    let layout = if pixels.color().has_alpha() {
        Layout::Rgba
    } else {
        Layout::Rgb
    };
    let Ok(transform) = profile.create_transform_8bit(layout, &srgb, layout, TransformOptions::default()) else {
        return;
    };
    let source = pixels.as_bytes().to_vec();
    let target: &mut [u8] = match pixels {
        DynamicImage::ImageRgb8(p) => p,
        DynamicImage::ImageRgba8(p) => p,
        _ => return,
    };
    let _ = transform.transform(&source, target);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_jpeg_is_complete_only_with_its_end_marker() {
        assert!(jpeg_is_complete(&[0xFF, 0xD8, 1, 2, 0xFF, 0xD9]));
        assert!(jpeg_is_complete(&[0xFF, 0xD8, 1, 2, 0xFF, 0xD9, 0, 0]));
        assert!(!jpeg_is_complete(&[0xFF, 0xD8, 1, 2]));
        assert!(!jpeg_is_complete(&[]));
    }

    #[test]
    fn text_named_jpg_is_not_a_picture() {
        let Err(Unsized::Broken(why)) = decode(b"<html>Not found</html>") else {
            panic!()
        };
        assert!(why.starts_with("not a picture"), "{why}");
    }
}
