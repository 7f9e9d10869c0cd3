#include "tests/support/tiny_pdf.h"

#include <cstdio>

namespace icetrack::test {
namespace {

// A PDF string literal: backslashes and parentheses escaped.
std::string Literal(const std::string& text) {
  std::string out = "(";
  for (char c : text) {
    if (c == '\\' || c == '(' || c == ')') out += '\\';
    out += c;
  }
  return out + ")";
}

std::string Padded(size_t offset) {
  char text[16];
  std::snprintf(text, sizeof text, "%010zu", offset);
  return text;
}

}  // namespace

std::string TinyPdf(const std::vector<std::string>& lines) {
  std::string content = "BT /F1 11 Tf 14 TL 72 740 Td";
  for (const std::string& line : lines) content += " " + Literal(line) + " Tj T*";
  content += " ET";
  const std::vector<std::string> objects = {
      "<< /Type /Catalog /Pages 2 0 R >>",
      "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
      "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
      "/Resources << /Font << /F1 5 0 R >> >> >>",
      "<< /Length " + std::to_string(content.size()) + " >>\nstream\n" + content + "\nendstream",
      "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
  };
  std::string pdf = "%PDF-1.4\n";
  std::vector<size_t> offsets;
  for (size_t i = 0; i < objects.size(); ++i) {
    offsets.push_back(pdf.size());
    pdf += std::to_string(i + 1) + " 0 obj\n" + objects[i] + "\nendobj\n";
  }
  size_t xref = pdf.size();
  pdf += "xref\n0 " + std::to_string(objects.size() + 1) + "\n0000000000 65535 f \n";
  for (size_t offset : offsets) pdf += Padded(offset) + " 00000 n \n";
  pdf += "trailer\n<< /Size " + std::to_string(objects.size() + 1) + " /Root 1 0 R >>\nstartxref\n" +
         std::to_string(xref) + "\n%%EOF\n";
  return pdf;
}

}  // namespace icetrack::test
