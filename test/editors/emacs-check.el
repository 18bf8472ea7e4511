;;; emacs-check.el --- what Emacs + Eglot, configured with emacs-init.el (the README's snippet), gets from the server  -*- lexical-binding: t -*-
;; Usage: LSP_FILE=/abs/report.txt emacs --batch -l emacs-init.el -l emacs-check.el </dev/null
;; (inspection-report-language-server on PATH; not -Q: Debian's elpa-eglot is activated by site-start.d)
;; Prints one JSON object: what Emacs received. Exit 0 when the script ran, 2 on error or timeout.
(require 'eglot)
(require 'json)
(require 'flymake)
(require 'imenu)

(defvar check-timeout 10)
(setq jsonrpc-default-request-timeout check-timeout
      eglot-sync-connect t
      eglot-connect-timeout check-timeout
      eglot-autoreconnect nil
      eglot-events-buffer-size 0)

(run-with-timer 60 nil (lambda () (message "watchdog timeout") (kill-emacs 2)))

(defun check-wait (pred &optional secs)
  (let ((deadline (+ (float-time) (or secs check-timeout))))
    (while (and (not (funcall pred)) (< (float-time) deadline))
      (accept-process-output nil 0.05))
    (funcall pred)))

(defvar check-publishes 0)
(advice-add 'eglot-handle-notification :before
            (lambda (_server method &rest _)
              (when (eq method 'textDocument/publishDiagnostics) (setq check-publishes (1+ check-publishes)))))

(defvar check-ensure-modes nil)
(condition-case err
    (let* ((file (or (getenv "LSP_FILE") (error "LSP_FILE not set"))))
      ;; which modes the init starts Eglot in: text, not Org or other modes derived from text-mode
      (cl-letf (((symbol-function 'eglot-ensure) (lambda () (push major-mode check-ensure-modes))))
        (dolist (mode '(text-mode org-mode outline-mode))
          (with-temp-buffer (funcall mode))))
      (find-file file)
      (text-mode)
      ;; eglot-ensure (from the init) waits for a command loop that --batch never runs: connect as it would
      (apply #'eglot (eglot--guess-contact))
      (unless (check-wait (lambda () (eglot-current-server))) (error "server did not start"))
      (check-wait (lambda () (> check-publishes 0)))
      (flymake-start)
      (check-wait (lambda () (flymake-diagnostics)) 2)
      (let* ((server (eglot-current-server))
             (req (lambda (method params)
                    (condition-case e (jsonrpc-request server method params :timeout check-timeout)
                      (error (list :error (format "%S" e))))))
             (symbols (funcall req :textDocument/documentSymbol (list :textDocument (eglot--TextDocumentIdentifier))))
             (hover (save-excursion (goto-char (point-min)) (forward-line 90) (forward-char 3)
                                    (funcall req :textDocument/hover (eglot--TextDocumentPositionParams))))
             (folding (funcall req :textDocument/foldingRange (list :textDocument (eglot--TextDocumentIdentifier))))
             (imenu (condition-case e
                        (cl-labels ((leaves (idx) (cl-loop for (name . rest) in idx
                                                           if (imenu--subalist-p (cons name rest)) append (leaves rest)
                                                           else collect name)))
                          (leaves (eglot-imenu)))
                      (error (format "%S" e)))))
        (princ (json-encode
                `((emacs . ,emacs-version)
                  (ensure_modes . ,(vconcat (mapcar #'symbol-name (reverse check-ensure-modes))))
                  (diagnostics . ,(vconcat (mapcar (lambda (d) `((line . ,(line-number-at-pos (flymake-diagnostic-beg d)))
                                                                  (type . ,(symbol-name (flymake-diagnostic-type d)))
                                                                  (text . ,(flymake-diagnostic-text d))))
                                                   (flymake-diagnostics))))
                  (symbols . ,(vconcat (mapcar (lambda (s) (plist-get s :name)) symbols)))
                  (imenu . ,(if (listp imenu) (vconcat imenu) imenu))
                  (hover . ,(plist-get (plist-get hover :contents) :value))
                  (folding . ,(length folding)))))
        (terpri)
        (ignore-errors (eglot-shutdown-all))
        (kill-emacs 0)))
  (error (message "error: %S" err) (kill-emacs 2)))
