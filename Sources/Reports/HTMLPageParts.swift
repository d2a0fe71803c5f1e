/// What every self-contained HTML page of tradescope shares (``HTMLReport`` and ``AnalysisPage``):
/// the document head with its content security policy (no network, inline style and script only),
/// and the script that shows a point's `data-label` in a tooltip and marks the page ready for
/// `make check-html`.
enum HTMLPageParts {
    /// The end of a page's script: the tooltip and the readiness flag, closing the function that the
    /// page's own script opens with `(function(){ var root=document.documentElement; ...`.
    static let tooltipScript = """
          var tip=document.getElementById('tooltip');
          document.addEventListener('mousemove',function(e){
            var t=e.target.closest?e.target.closest('[data-label]'):null;
            if(!t){tip.style.display='none';return;}
            tip.textContent=t.getAttribute('data-label');
            tip.style.display='block';tip.style.left=(e.clientX+12)+'px';tip.style.top=(e.clientY+12)+'px';
          });
          root.setAttribute('data-ready','1');
        })();
        """

    /// The document up to the opened `<main>`: doctype, charset, viewport, the content security
    /// policy, the escaped title and the page's style.
    static func head(title: String, style: String) -> String {
        let e = SVGText.escape
        var out = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        out += "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:\">\n"
        out += "<title>\(e(title))</title>\n<style>\n\(style)\n</style>\n</head>\n<body>\n<main>\n"
        return out
    }
}
