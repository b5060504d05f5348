//! Making one width of a picture: scaled with a Lanczos filter, encoded as WebP (the modern
//! format every browser the reader supports shows) and as JPEG (or PNG with transparency) for
//! share cards, feeds and older browsers. The pixels alone are encoded: no metadata (place,
//! camera, software) reaches a file.

use fast_image_resize::{
    images::Image as Pixels, images::ImageRef, FilterType, PixelType, ResizeAlg, ResizeOptions, Resizer,
};

/// libwebp's quality (0–100).
pub const WEBP_QUALITY: f32 = 80.0;
/// The JPEG encoder's quality (1–100).
pub const JPEG_QUALITY: u8 = 80;

/// One width of a picture, in both formats.
pub struct Encoded {
    pub width: u32,
    pub height: u32,
    pub webp: Vec<u8>,
    /// JPEG, or PNG for a picture with transparency.
    pub fallback: Vec<u8>,
}

/// Scales `rgb` (`width` × `height`, 3 or 4 bytes a pixel) to `to` pixels wide and encodes it.
pub fn encode(rgb: &[u8], width: u32, height: u32, alpha: bool, to: u32) -> Result<Encoded, String> {
    let pixel = if alpha { PixelType::U8x4 } else { PixelType::U8x3 };
    let to_height = ((u64::from(height) * u64::from(to) + u64::from(width) / 2) / u64::from(width)).max(1) as u32;
    let source = ImageRef::new(width, height, rgb, pixel).map_err(|e| e.to_string())?;
    let mut scaled = Pixels::new(to, to_height, pixel);
    let options = ResizeOptions::new().resize_alg(ResizeAlg::Convolution(FilterType::Lanczos3));
    Resizer::new()
        .resize(&source, &mut scaled, &options)
        .map_err(|e| e.to_string())?;
    let buffer = scaled.buffer();
    let webp = if alpha {
        webp::Encoder::from_rgba(buffer, to, to_height)
    } else {
        webp::Encoder::from_rgb(buffer, to, to_height)
    }
    .encode(WEBP_QUALITY)
    .to_vec();
    let fallback = if alpha {
        png(buffer, to, to_height)?
    } else {
        jpeg(buffer, to, to_height)?
    };
    Ok(Encoded {
        width: to,
        height: to_height,
        webp,
        fallback,
    })
}

fn jpeg(rgb: &[u8], width: u32, height: u32) -> Result<Vec<u8>, String> {
    let mut out = Vec::new();
    let mut encoder = jpeg_encoder::Encoder::new(&mut out, JPEG_QUALITY);
    encoder.set_progressive(true);
    encoder.set_optimized_huffman_tables(true);
    let (w, h) = (u16::try_from(width), u16::try_from(height));
    let (Ok(w), Ok(h)) = (w, h) else {
        return Err(format!("{width} × {height}: too large for a JPEG"));
    };
    encoder
        .encode(rgb, w, h, jpeg_encoder::ColorType::Rgb)
        .map_err(|e| e.to_string())?;
    Ok(out)
}

fn png(rgba: &[u8], width: u32, height: u32) -> Result<Vec<u8>, String> {
    use image::ImageEncoder;
    let mut out = Vec::new();
    image::codecs::png::PngEncoder::new(&mut out)
        .write_image(rgba, width, height, image::ExtendedColorType::Rgba8)
        .map_err(|e| e.to_string())?;
    Ok(out)
}
