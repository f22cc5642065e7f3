/* Space Hacks: fills the templates in with an organization's details, in the browser, and
   offers them as one zip. Nothing leaves the device: the only requests are for the site's own
   template files (or, opened from disk, one script holding them).

   Fields are found by their markup, never by searching the text: in Word files the content
   controls (w:sdt) whose tag or title names a field, in OpenDocument files the input fields
   (text:text-input) whose description is the field's label, in Markdown the [[Label]] fill-ins
   (see spacehacks/templates/docx_writer.py and odt_writer.py). Values go in as DOM text nodes,
   so the serializer escapes them: no value can break the XML. Needs fflate (loaded first). */
(function () {
  "use strict";
  /* Our words in the page's language, by spacehacks.js's tr (every page loads it, before
     this script runs anything). */
  function tr(text, values) { return window.spacehacksTr(text, values); }
  var W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
  var TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0";
  var XML_NS = "http://www.w3.org/XML/1998/namespace";
  var FIELD = /\[\[([^\[\]\n]*)\]\]/g;
  var ZIP_TIME = new Date(2024, 0, 1);
  var root = document.querySelector(".sh-autofill");
  var KEY = root.getAttribute("data-store") || "spacehacks-fill-details";
  /* The organization's name names the zip; in a translation the field has its translated label. */
  var NAME = root.getAttribute("data-name-label") || "Organization name";
  var form = root.querySelector("form");
  var status = root.querySelector(".sh-autofill__status");
  var zip = window.fflate;
  var onDisk = location.protocol === "file:";
  var described = null;

  function say(text) { status.textContent = text; }
  function each(list, fn) { Array.prototype.forEach.call(list, fn); }

  /* Characters XML 1.0 cannot hold at all (most control characters, unpaired surrogates). */
  function clean(value) {
    var s = String(value);
    if (s.toWellFormed) s = s.toWellFormed();
    return s.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, "")
      .replace(/\r\n?/g, "\n").trim();
  }

  function inputs() { return form.querySelectorAll("[data-label]"); }
  /* label -> value of every field the reader filled in. */
  function details() {
    var out = {};
    each(inputs(), function (el) {
      var v = clean(el.value);
      if (v) out[el.getAttribute("data-label")] = v;
    });
    return out;
  }
  function keep() {
    var d = {};
    each(inputs(), function (el) { if (el.value) d[el.getAttribute("data-label")] = el.value; });
    try { localStorage.setItem(KEY, JSON.stringify(d)); } catch (e) { /* storage full or off */ }
  }
  function checked(name) {
    var out = [];
    each(form.querySelectorAll("input[name='" + name + "']:checked"), function (el) { out.push(el.value); });
    return out;
  }

  /* The published description (fields.json), and from disk the files themselves. */
  function description() {
    if (described) return Promise.resolve(described);
    if (onDisk) {
      return new Promise(function (resolve, reject) {
        var s = document.createElement("script");
        s.src = root.getAttribute("data-disk-data");
        s.onload = function () { resolve(described = window.__spacehacksFill.description); };
        s.onerror = function () { reject(new Error("the templates' data file is missing from this folder")); };
        document.head.appendChild(s);
      });
    }
    return fetch(root.getAttribute("data-fields")).then(function (res) {
      if (!res.ok) throw new Error("the list of templates could not be read (" + res.status + ")");
      return res.json();
    }).then(function (d) { return (described = d); });
  }
  function fileBytes(name) {
    if (onDisk) {
      var b64 = window.__spacehacksFill.files[name];
      if (!b64) return Promise.reject(new Error(name + " is missing from this folder"));
      var bin = atob(b64), out = new Uint8Array(bin.length);
      for (var i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
      return Promise.resolve(out);
    }
    return fetch(root.getAttribute("data-files") + encodeURIComponent(name)).then(function (res) {
      if (!res.ok) throw new Error(name + " could not be read (" + res.status + ")");
      return res.arrayBuffer();
    }).then(function (buf) { return new Uint8Array(buf); }, function (err) {
      throw new Error(navigator.onLine === false
        ? name + " is not saved on this device yet: connect once and make a zip, and it will be"
        : err.message);
    });
  }

  function parseXml(text, path) {
    var doc = new DOMParser().parseFromString(text, "application/xml");
    if (doc.getElementsByTagName("parsererror").length) throw new Error(path + " could not be read");
    return doc;
  }
  function serializeXml(doc, original) {
    /* The package's own XML declaration, exactly: serializers differ in whether they write one. */
    var prolog = /^<\?xml[^>]*\?>\r?\n?/;
    var own = prolog.exec(original);
    return (own ? own[0] : "") + new XMLSerializer().serializeToString(doc).replace(prolog, "");
  }
  function child(el, ns, name) {
    if (!el) return null;
    for (var c = el.firstElementChild; c; c = c.nextElementSibling) {
      if (c.namespaceURI === ns && c.localName === name) return c;
    }
    return null;
  }
  function wVal(el) { return el ? el.getAttributeNS(W, "val") : null; }

  /* One Word content control: the value replaces the placeholder's text in its first run, which
     keeps its run properties (the style a reader sees); the control stays, no longer showing
     its placeholder, so the value can still be changed by clicking it. */
  function fillControl(sdt, value) {
    var pr = child(sdt, W, "sdtPr");
    var content = child(sdt, W, "sdtContent");
    var runs = content.getElementsByTagNameNS(W, "r");
    if (!runs.length) return false;
    var run = runs[0];
    for (var i = runs.length - 1; i > 0; i--) runs[i].parentNode.removeChild(runs[i]);
    for (var c = run.firstElementChild; c;) {
      var next = c.nextElementSibling;
      if (!(c.namespaceURI === W && c.localName === "rPr")) run.removeChild(c);
      c = next;
    }
    /* A plain-text control takes line breaks only when it says so; a rich-text one (no
       <w:text/>) always does. */
    var plain = child(pr, W, "text");
    var lines = !plain || /^(true|1|on)$/.test(plain.getAttributeNS(W, "multiLine") || "")
      ? value.split("\n") : [value.replace(/\n/g, " ")];
    var doc = sdt.ownerDocument;
    lines.forEach(function (line, n) {
      if (n) run.appendChild(doc.createElementNS(W, "w:br"));
      var t = doc.createElementNS(W, "w:t");
      t.setAttributeNS(XML_NS, "xml:space", "preserve");
      t.appendChild(doc.createTextNode(line));
      run.appendChild(t);
    });
    var flag = child(pr, W, "showingPlcHdr");
    if (flag) pr.removeChild(flag);
    return true;
  }

  function fillWord(doc, values, byName, report) {
    each(Array.prototype.slice.call(doc.getElementsByTagNameNS(W, "sdt")), function (sdt) {
      var pr = child(sdt, W, "sdtPr");
      var label = byName[wVal(child(pr, W, "tag"))] || wVal(child(pr, W, "alias"));
      if (label && values[label] !== undefined && fillControl(sdt, values[label])) report.filled(label);
      else if (label) report.left(label);
    });
  }

  /* OpenDocument keeps runs of spaces, tabs and line breaks only as elements. */
  function odfText(doc, value) {
    var frag = doc.createDocumentFragment();
    value.split("\n").forEach(function (line, n) {
      if (n) frag.appendChild(doc.createElementNS(TEXT, "text:line-break"));
      line.split("\t").forEach(function (piece, k) {
        if (k) frag.appendChild(doc.createElementNS(TEXT, "text:tab"));
        piece.split(/( {2,})/).forEach(function (p) {
          if (!p) return;
          if (/^ {2,}$/.test(p)) {
            var s = doc.createElementNS(TEXT, "text:s");
            s.setAttributeNS(TEXT, "text:c", String(p.length));
            frag.appendChild(s);
          } else {
            frag.appendChild(doc.createTextNode(p));
          }
        });
      });
    });
    return frag;
  }

  function fillOdf(doc, values, report) {
    each(Array.prototype.slice.call(doc.getElementsByTagNameNS(TEXT, "text-input")), function (input) {
      var label = input.getAttributeNS(TEXT, "description");
      if (label && values[label] !== undefined) {
        /* The value takes the input field's place inside its highlighted span. */
        input.parentNode.replaceChild(odfText(doc, values[label]), input);
        report.filled(label);
      } else if (label) {
        report.left(label);
      }
    });
  }

  var WORD_PARTS = /^word\/(document|header\d*|footer\d*|footnotes|endnotes)\.xml$/;
  var ODF_PARTS = /^(content|styles)\.xml$/;

  function fillPackage(bytes, format, values, byName, report) {
    var entries = zip.unzipSync(bytes);
    var out = {};
    Object.keys(entries).forEach(function (path) {
      var data = entries[path];
      var word = format === "docx" && WORD_PARTS.test(path);
      var odf = format === "odt" && ODF_PARTS.test(path);
      if (word || odf) {
        var text = zip.strFromU8(data);
        var doc = parseXml(text, path);
        if (word) fillWord(doc, values, byName, report); else fillOdf(doc, values, report);
        data = zip.strToU8(serializeXml(doc, text));
      }
      /* OpenDocument requires 'mimetype' first and stored; keys keep the package's order. */
      out[path] = [data, { level: path === "mimetype" ? 0 : 6, mtime: ZIP_TIME }];
    });
    return zip.zipSync(out);
  }

  function fillMarkdown(bytes, values, report) {
    var text = zip.strFromU8(bytes).replace(FIELD, function (whole, label) {
      if (values[label] === undefined) { report.left(label); return whole; }
      report.filled(label);
      return values[label];
    });
    return zip.strToU8(text);
  }

  function slugOf(name) {
    var s = (name || "").normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, "-").replace(/^-+|-+$/g, "").slice(0, 60).replace(/-+$/, "");
    return s || tr("my-organization");
  }

  /* README lines of at most 92 characters, broken between words, for plain-text readers. */
  function wrap(text) {
    var out = [], line = "";
    text.split(" ").forEach(function (word) {
      if (line && (line + " " + word).length > 92) { out.push(line); line = word; } else line = line ? line + " " + word : word;
    });
    if (line) out.push(line);
    return out;
  }

  function readme(values, rows, when) {
    var lines = [tr("Space Hacks templates, filled in with your details"), ""]
      .concat(wrap(tr("Made on {date} by the templates page of Space Hacks, in your browser: nothing you typed " +
        "was sent anywhere. Read each file through before you adopt it, and write the final version together with " +
        "participants and staff.", { date: when })), ["", tr("Filled in:")]);
    var labels = Object.keys(values);
    if (!labels.length) lines.push("  " + tr("nothing (every field is left to fill in)"));
    labels.forEach(function (l) {
      var v = values[l].replace(/\s+/g, " ");
      lines.push("  " + l + ": " + (v.length > 120 ? v.slice(0, 117) + "..." : v));
    });
    lines.push("", tr("Left to fill in (highlighted, in [square brackets]; in Markdown [[double brackets]]):"));
    /* One line per template when its formats leave the same fields, as they do. */
    var groups = [], byKey = {};
    rows.forEach(function (r) {
      if (!r.left.length) return;
      var stem = r.name.replace(/\.(docx|odt|md)$/, "");
      var key = stem + "\u0000" + r.left.join("\u0000");
      if (!byKey[key]) groups.push(byKey[key] = { stem: stem, names: [], left: r.left });
      byKey[key].names.push(r.name.slice(stem.length) || r.name);
    });
    groups.forEach(function (g) {
      lines.push("  " + g.stem + " (" + g.names.join(", ") + "): " + g.left.join(", "));
    });
    if (!groups.length) lines.push("  " + tr("nothing"));
    var asIs = rows.filter(function (r) { return r.asIs; });
    if (asIs.length) {
      lines.push("", tr("Offered as they are (not filled in): {files}", { files: asIs.map(function (r) { return r.name; }).join(", ") }));
    }
    if (notIncluded.length) {
      lines.push("");
      lines.push.apply(lines, wrap(tr("Not included, because the page was opened from disk (they are in its folder " +
        "downloads/templates/, as they are): {files}", { files: notIncluded.join(", ") })));
    }
    return lines.join("\r\n") + "\r\n";
  }

  function save(blob, name) {
    var a = document.createElement("a");
    a.href = URL.createObjectURL(blob);
    a.download = name;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(function () { URL.revokeObjectURL(a.href); }, 60000);
  }

  function unique(list) { return list.filter(function (x, i) { return list.indexOf(x) === i; }); }

  var notIncluded = [];

  function build() {
    var values = details();
    var slugs = checked("template"), formats = checked("format");
    if (!slugs.length || !formats.length) {
      say(tr("Choose at least one template and one format."));
      return Promise.resolve();
    }
    keep();
    say(tr("Filling in the templates…"));
    return description().then(function (d) {
      var byName = {};
      d.fields.forEach(function (f) { byName[f.name] = f.label; });
      var jobs = [];
      d.templates.forEach(function (t) {
        if (slugs.indexOf(t.slug) < 0) return;
        t.files.forEach(function (f) {
          if (formats.indexOf(f.format) >= 0) jobs.push(f);
        });
      });
      var skipped = [];
      if (onDisk) {
        jobs = jobs.filter(function (f) {
          var has = !!window.__spacehacksFill.files[f.name];
          if (!has) skipped.push(f.name);
          return has;
        });
      }
      notIncluded = skipped;
      return Promise.all(jobs.map(function (f) {
        return fileBytes(f.name).then(function (bytes) {
          var row = { name: f.name, filled: [], left: [], asIs: d.filled_formats.indexOf(f.format) < 0 };
          var report = { filled: function (l) { row.filled.push(l); }, left: function (l) { row.left.push(l); } };
          var data = row.asIs ? bytes
            : f.format === "markdown" ? fillMarkdown(bytes, values, report)
            : fillPackage(bytes, f.format, values, byName, report);
          row.left = unique(row.left);
          return { row: row, data: data };
        });
      }));
    }).then(function (done) {
      if (!done.length) { say(tr("None of the chosen templates comes in the chosen formats.")); return; }
      var base = slugOf(values[NAME]) + "-space-hacks-templates";
      var files = {};
      var when = new Date().toISOString().slice(0, 10);
      files[base + "/README.txt"] = [zip.strToU8(readme(values, done.map(function (x) { return x.row; }), when)),
        { mtime: ZIP_TIME }];
      done.forEach(function (x) { files[base + "/" + x.row.name] = [x.data, { level: 6, mtime: ZIP_TIME }]; });
      save(new Blob([zip.zipSync(files)], { type: "application/zip" }), base + ".zip");
      say(tr("Your zip, {name}, holds {n} files. Nothing was sent anywhere.", { name: base + ".zip", n: done.length }));
    }).catch(function (err) {
      say(tr("The zip could not be made: {reason}.", { reason: err.message }));
    });
  }

  function forget() {
    try { localStorage.removeItem(KEY); } catch (e) { /* nothing kept */ }
    each(inputs(), function (el) { el.value = ""; });
    say(tr("Your details are forgotten: this browser no longer keeps them, and the form is empty."));
  }

  function exportDetails() {
    var data = { format: "space-hacks-details", version: 1, fields: details() };
    save(new Blob([JSON.stringify(data, null, 1) + "\n"], { type: "application/json" }),
      slugOf(data.fields[NAME]) + "-details.json");
    say(tr("Your details are saved as a file; load it on another computer to fill this form in there."));
  }

  function importDetails(file) {
    if (!file) return;
    if (file.size > 1024 * 1024) { say(tr("That file is too large to be a file of details.")); return; }
    var reader = new FileReader();
    reader.onload = function () {
      var data;
      try { data = JSON.parse(reader.result); } catch (e) { data = null; }
      var fields = data && typeof data === "object" ? (data.fields || data) : null;
      if (!fields || typeof fields !== "object") {
        say(tr("That file is not a file of details saved by this form."));
        return;
      }
      var n = 0;
      each(inputs(), function (el) {
        var v = fields[el.getAttribute("data-label")];
        if (typeof v === "string") { el.value = v; n++; }
      });
      keep();
      say(n ? tr("Loaded {n} details from the file.", { n: n }) : tr("That file holds none of this form's details."));
    };
    reader.onerror = function () { say(tr("That file could not be read.")); };
    reader.readAsText(file);
  }

  form.addEventListener("submit", function (event) { event.preventDefault(); build(); });
  form.addEventListener("input", keep);
  var actions = { build: build, forget: forget, "export": exportDetails };
  form.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest("[data-fill-action]");
    if (button && actions[button.getAttribute("data-fill-action")]) actions[button.getAttribute("data-fill-action")]();
  });
  var picker = form.querySelector("input[type='file']");
  function picked() { importDetails(picker.files[0]); picker.value = ""; }
  picker.addEventListener("change", picked);

  window.__spacehacksFillReady = true;
  var waiting = form.getAttribute("data-pending");
  form.removeAttribute("data-pending");
  if (actions[waiting]) actions[waiting]();
  if (picker.files && picker.files.length) picked();
})();
