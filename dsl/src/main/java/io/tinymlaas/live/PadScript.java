package io.tinymlaas.live;

/** The pad's browser side: draws with mouse or touch, sends each finished stroke, shows the answers. */
final class PadScript {
    private PadScript() {
    }

    static final String BODY = """
            var canvas = root.querySelector("canvas");
            var ctx = canvas.getContext("2d");
            var status = root.querySelector(".tinyml-pad-status");
            var answer = root.querySelector(".tinyml-pad-answer");
            var drawing = false, last = null, sentAt = 0, answers = 0;
            function clear() {
              ctx.fillStyle = "#000";
              ctx.fillRect(0, 0, canvas.width, canvas.height);
              ctx.fillStyle = "#fff";
            }
            clear();
            ctx.lineWidth = 20; ctx.lineCap = "round"; ctx.lineJoin = "round";
            ctx.strokeStyle = "#fff";
            function point(e) {
              var r = canvas.getBoundingClientRect();
              var p = e.touches && e.touches.length ? e.touches[0] : (e.changedTouches && e.changedTouches.length ? e.changedTouches[0] : e);
              return {x: (p.clientX - r.left) * canvas.width / r.width, y: (p.clientY - r.top) * canvas.height / r.height};
            }
            function start(e) {
              e.preventDefault();
              drawing = true;
              last = point(e);
              ctx.beginPath(); ctx.arc(last.x, last.y, ctx.lineWidth / 2, 0, 2 * Math.PI); ctx.fill();
            }
            function move(e) {
              if (!drawing) { return; }
              e.preventDefault();
              var p = point(e);
              ctx.beginPath(); ctx.moveTo(last.x, last.y); ctx.lineTo(p.x, p.y); ctx.stroke();
              last = p;
            }
            function end() {
              if (!drawing) { return; }
              drawing = false;
              if (!link.connected) { return; }
              sentAt = performance.now();
              status.textContent = "thinking\\u2026";
              link.send({type: "drawing", png: canvas.toDataURL("image/png")});
            }
            canvas.addEventListener("mousedown", start);
            canvas.addEventListener("mousemove", move);
            window.addEventListener("mouseup", end);
            canvas.addEventListener("touchstart", start, {passive: false});
            canvas.addEventListener("touchmove", move, {passive: false});
            canvas.addEventListener("touchend", end);
            root.querySelector(".tinyml-pad-clear").addEventListener("click", function () {
              clear();
              answer.innerHTML = "";
              status.textContent = link.connected ? "Draw a digit." : status.textContent;
            });
            link.onMessage(function (m) {
              if (m.type !== "answer") { return; }
              var ms = performance.now() - sentAt;
              answers += 1;
              answer.innerHTML = m.html;
              root.dataset.answers = String(answers);
              root.dataset.label = m.label;
              root.dataset.roundTripMs = ms.toFixed(1);
              status.textContent = "answered in " + ms.toFixed(0) + " ms (stroke end \\u2192 answer shown)";
            });
            link.onClose(function () {
              status.textContent = "This pad lost its kernel (restarted or shut down): run the cell again.";
            });
            if (!link.connected) {
              status.textContent = "Not connected to a running kernel: run this cell to use the pad.";
            }
            """;
}
