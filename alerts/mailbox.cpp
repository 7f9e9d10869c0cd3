#include "alerts/mailbox.h"

#include "alerts/email_message.h"

namespace icetrack {
namespace {

std::string Trim(const std::string& s) {
  size_t b = s.find_first_not_of(" \t");
  if (b == std::string::npos) return "";
  return s.substr(b, s.find_last_not_of(" \t") - b + 1);
}

bool IsAtext(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || std::string_view("!#$%&'*+-/=?^_`{|}~.").find(c) != std::string_view::npos;
}

// Labels of letters, digits and inner hyphens, dot-separated: "mail.example.org".
bool IsDomain(const std::string& d) {
  size_t start = 0;
  for (;;) {
    size_t end = d.find('.', start);
    std::string label = d.substr(start, end == std::string::npos ? std::string::npos : end - start);
    if (label.empty() || label.size() > 63 || label.front() == '-' || label.back() == '-') return false;
    if (end == std::string::npos) return d.size() <= 253;
    start = end + 1;
  }
}

// local@domain with atext only (dots allowed), and a domain of letters, digits, '-' and dots.
bool CheckAddress(const std::string& a, std::string* why) {
  size_t at = a.rfind('@');
  if (at == std::string::npos || at == 0 || at + 1 == a.size() || a.size() > 254) {
    *why = "\"" + a + "\" is not an address (local@domain)";
    return false;
  }
  for (size_t i = 0; i < a.size(); ++i) {
    char c = a[i];
    bool ok = i < at ? IsAtext(c)
                     : i == at || std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '.';
    if (!ok) {
      *why = "\"" + a + "\" has a character an address cannot hold";
      return false;
    }
  }
  if (!IsDomain(a.substr(at + 1))) {
    *why = "\"" + a + "\" has no domain such as example.org after its @";
    return false;
  }
  return true;
}

bool HasControl(const std::string& s) {
  for (char c : s) {
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) return true;
  }
  return false;
}

}  // namespace

bool ParseMailbox(const std::string& text, Mailbox* out, std::string* why) {
  if (HasControl(text)) {
    *why = "a line break or control character in an address";
    return false;
  }
  std::string t = Trim(text);
  Mailbox m;
  size_t open = t.rfind('<');
  if (open == std::string::npos) {
    m.address = t;
  } else {
    if (t.back() != '>' || t.find('>') != t.size() - 1) {
      *why = "\"" + text + "\" is not \"Name <address>\"";
      return false;
    }
    m.address = t.substr(open + 1, t.size() - open - 2);
    m.name = Trim(t.substr(0, open));
    if (m.name.size() >= 2 && m.name.front() == '"' && m.name.back() == '"') m.name = m.name.substr(1, m.name.size() - 2);
    if (m.name.find_first_of("<>") != std::string::npos) {
      *why = "\"" + text + "\" holds more than one address";
      return false;
    }
    if (m.name.find_first_of("\"\\") != std::string::npos || m.name.size() > 200) {
      *why = "\"" + text + "\": a name holds no quotes or backslashes, and at most 200 characters";
      return false;
    }
  }
  if (!CheckAddress(m.address, why)) return false;
  *out = m;
  return true;
}

std::string MailboxHeader(const Mailbox& m) {
  if (m.name.empty()) return m.address;
  bool plain = true, ascii = true;
  for (char c : m.name) {
    if (static_cast<unsigned char>(c) >= 0x80) ascii = false;
    else if (!IsAtext(c) && c != ' ') plain = false;
  }
  // Long names are encoded too: encoded words fold, so no header line grows past 78.
  std::string name = !ascii || m.name.size() > 60 ? EncodedWords(m.name, true) : plain ? m.name : "\"" + m.name + "\"";
  return name + " <" + m.address + ">";
}

}  // namespace icetrack
