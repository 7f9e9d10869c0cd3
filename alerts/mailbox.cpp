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

// local@domain with atext only (dots allowed), and a domain of letters, digits, '-' and dots.
bool CheckAddress(const std::string& a, std::string* why) {
  size_t at = a.rfind('@');
  if (at == std::string::npos || at == 0 || at + 1 == a.size()) {
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
  return true;
}

}  // namespace

bool ParseMailbox(const std::string& text, Mailbox* out, std::string* why) {
  if (text.find_first_of("\r\n\t") != std::string::npos || text.find('\0') != std::string::npos) {
    *why = "a line break or control character in \"" + text + "\"";
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
    if (m.name.find_first_of("<>\"") != std::string::npos) {
      *why = "\"" + text + "\" holds more than one address";
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
  std::string name = !ascii ? EncodedWords(m.name) : plain ? m.name : "\"" + m.name + "\"";
  return name + " <" + m.address + ">";
}

}  // namespace icetrack
