import { defineError } from "../../platform/errors.js";

/** Errors of the visual installations register. */
export const installationErrors = {
  notFound: defineError({
    code: "installation_not_found",
    status: 404,
    vi: "Không tìm thấy công trình trực quan",
    en: "Installation not found",
  }),
  photoNotFound: defineError({
    code: "installation_photo_not_found",
    status: 404,
    vi: "Không tìm thấy ảnh",
    en: "Photo not found",
  }),
  districtInvalid: defineError({
    code: "installation_district_invalid",
    status: 400,
    vi: "Quận, huyện không thuộc thành phố Hải Phòng",
    en: "Not a district of Hải Phòng",
  }),
  coordinatesInvalid: defineError({
    code: "installation_coordinates_invalid",
    status: 400,
    vi: "Toạ độ không hợp lệ: vĩ độ từ -90 đến 90, kinh độ từ -180 đến 180, nhập cả hai",
    en: "Invalid coordinates: latitude -90 to 90, longitude -180 to 180, both or neither",
  }),
  sizeInvalid: defineError({
    code: "installation_size_invalid",
    status: 400,
    vi: "Kích thước phải là số mét dương, tối đa 500 m",
    en: "A size must be a positive number of metres, at most 500",
  }),
  unitNotFound: defineError({
    code: "installation_unit_not_found",
    status: 400,
    vi: "Không tìm thấy đơn vị",
    en: "Unit not found",
  }),
  notAnImage: defineError({
    code: "photo_not_an_image",
    status: 400,
    vi: "Tệp không phải là ảnh JPEG, PNG hoặc WebP",
    en: "The file is not a JPEG, PNG or WebP image",
  }),
  imageTooLarge: defineError({
    code: "photo_too_many_pixels",
    status: 400,
    vi: "Ảnh quá lớn (quá 40 triệu điểm ảnh)",
    en: "The image is too large (over 40 megapixels)",
  }),
  imageUnreadable: defineError({
    code: "photo_unreadable",
    status: 400,
    vi: "Không đọc được ảnh (tệp hỏng hoặc không đúng định dạng)",
    en: "The image could not be read (damaged or not what it claims to be)",
  }),
  fileTooLarge: defineError({
    code: "photo_file_too_large",
    status: 413,
    vi: "Tệp ảnh vượt quá dung lượng cho phép",
    en: "The photo file exceeds the upload limit",
  }),
};
