(** * Real weights and a real beta: the identities in any field

    Coq's real numbers ([Coq.Reals]) rest on axioms (a classical total order,
    completeness), so a theorem proved over them would not be "Closed under
    the global context". This file proves the identities whose catalogue
    statements quantify over real numbers (real sample weights, a real
    [beta > 0], real-valued MCC with its square root) for an arbitrary field
    [F]: any type with [0], [1], [+], [*], [-], [/] satisfying the field laws
    ([field_theory], Coq's standard record of them, with Leibniz equality).
    The real numbers are such a field, so each theorem holds for them in
    particular; the axioms of [Coq.Reals] would only enter when the theorem is
    instantiated, not in its proof.

    No order is used: where the real-number claim needs "a positive quantity
    is not 0" the theorem asks for "not 0" directly (named hypotheses below).

    Main theorems, each for every class count [k] where there is one:
    - [field_weights_preserve_identity]  [sample-weights-preserve-identity]
    - [field_micro_fbeta_equals_accuracy] [micro-fbeta-equals-accuracy]
    - [field_fbeta_count_form_equals_harmonic_form]
                                         [fbeta-count-form-equals-harmonic-form]
    - [binary_mcc_squared_equals_informedness_times_markedness]
                                         [binary-mcc-squared-equals-informedness-times-markedness] *)

From Coq Require Import Arith Lia List Ring Field.
From MetricProofs Require Import Sums Definitions MicroAveraging.
Import ListNotations.

Section AnyField.

(** The field: a carrier and its operations, and the proof that they satisfy
    the field laws. These become the first arguments of every theorem below
    once the section is closed. *)
Variable F : Type.
Variables (zero one : F) (add mul sub : F -> F -> F) (opp inv : F -> F) (div : F -> F -> F).
Hypothesis Ffield : field_theory zero one add mul sub opp div inv (@eq F).
Add Field Ffield : Ffield.

Declare Scope F_scope.
Delimit Scope F_scope with F.
Local Infix "+" := add : F_scope.
Local Infix "*" := mul : F_scope.
Local Infix "-" := sub : F_scope.
Local Infix "/" := div : F_scope.
Local Open Scope F_scope.

(** ** Definitions: the setting of DESIGN.md section 2 with entries in [F] *)

(** [fsum k f = f 0 + ... + f (k-1)] in [F]. *)
Fixpoint fsum (k : nat) (f : nat -> F) : F :=
  match k with
  | O => zero
  | S k' => fsum k' f + f k'
  end.

(** A confusion matrix with entries in [F] (e.g. total real sample weights). *)
Definition fmatrix := nat -> nat -> F.

Definition fTP (C : fmatrix) (l : nat) : F := C l l.
Definition fFP (k : nat) (C : fmatrix) (l : nat) : F :=
  fsum k (fun a => if a =? l then zero else C a l).
Definition fFN (k : nat) (C : fmatrix) (l : nat) : F :=
  fsum k (fun b => if b =? l then zero else C l b).
Definition ftotal (k : nat) (C : fmatrix) : F := fsum k (fun a => fsum k (fun b => C a b)).
Definition ftrace (k : nat) (C : fmatrix) : F := fsum k (fun l => C l l).

(** Micro precision and recall, micro F-beta in scikit-learn's count form
    [(1 + b^2) TP / (b^2 (TP + FN) + (TP + FP))] (sums over all labels), micro
    F1 (its [b = 1]) and accuracy. *)
Definition fmicro_precision (k : nat) (C : fmatrix) : F :=
  fsum k (fTP C) / fsum k (fun l => fTP C l + fFP k C l).
Definition fmicro_recall (k : nat) (C : fmatrix) : F :=
  fsum k (fTP C) / fsum k (fun l => fTP C l + fFN k C l).
Definition fmicro_fbeta (b : F) (k : nat) (C : fmatrix) : F :=
  (one + b * b) * fsum k (fTP C)
  / (b * b * fsum k (fun l => fTP C l + fFN k C l) + fsum k (fun l => fTP C l + fFP k C l)).
Definition fmicro_f1 (k : nat) (C : fmatrix) : F := fmicro_fbeta one k C.
Definition faccuracy (k : nat) (C : fmatrix) : F := ftrace k C / ftotal k C.

(** ** Finite sums in [F] *)

Lemma fsum_ext : forall k f g, (forall i, (i < k)%nat -> f i = g i) -> fsum k f = fsum k g.
Proof.
  induction k as [| k IH]; intros f g H; simpl; [reflexivity |].
  rewrite (IH f g) by (intros; apply H; lia). rewrite (H k) by lia. reflexivity.
Qed.

Lemma fsum_zero : forall k, fsum k (fun _ => zero) = zero.
Proof. induction k as [| k IH]; simpl; [reflexivity | rewrite IH; ring]. Qed.

Lemma fsum_plus : forall k f g, fsum k (fun i => f i + g i) = fsum k f + fsum k g.
Proof. induction k as [| k IH]; intros f g; simpl; [ring | rewrite IH; ring]. Qed.

Lemma fsum_swap : forall k m (C : fmatrix),
  fsum k (fun a => fsum m (fun b => C a b)) = fsum m (fun b => fsum k (fun a => C a b)).
Proof.
  induction k as [| k IH]; intros m C; simpl.
  - symmetry. apply fsum_zero.
  - rewrite IH. rewrite <- fsum_plus. reflexivity.
Qed.

Lemma fsum_single : forall k l f,
  (l < k)%nat -> fsum k (fun i => if i =? l then f i else zero) = f l.
Proof.
  induction k as [| k IH]; intros l f Hl; simpl; [lia |].
  destruct (Nat.eqb_spec k l) as [-> | Hne].
  - rewrite (fsum_ext l _ (fun _ => zero)).
    + rewrite fsum_zero. ring.
    + intros i Hi. destruct (Nat.eqb_spec i l); [lia | reflexivity].
  - rewrite IH by lia. ring.
Qed.

Lemma fsum_except : forall k l f,
  (l < k)%nat -> fsum k (fun i => if i =? l then zero else f i) + f l = fsum k f.
Proof.
  intros k l f Hl. rewrite <- (fsum_single k l f Hl). rewrite <- fsum_plus.
  apply fsum_ext. intros i _. destruct (i =? l); ring.
Qed.

(** A field has no zero divisors. *)
Lemma fmul_nonzero : forall x y, x <> zero -> y <> zero -> x * y <> zero.
Proof.
  intros x y Hx Hy Hxy. apply Hy.
  transitivity (x * y / x); [field; exact Hx |]. rewrite Hxy. field. exact Hx.
Qed.

Lemma fdouble_nonzero : forall x, one + one <> zero -> x <> zero -> x + x <> zero.
Proof.
  intros x H2 Hx. replace (x + x) with ((one + one) * x) by ring. apply fmul_nonzero; assumption.
Qed.

(** ** fp-fn-balance in [F] *)

(** Proof idea: as in [MicroAveraging.fp_fn_balance]: [sum_l (TP_l + FP_l)] is
    the sum of the column sums and [sum_l (TP_l + FN_l)] the sum of the row
    sums; both are [N]. *)
Lemma fpredicted_total : forall k C, fsum k (fun l => fTP C l + fFP k C l) = ftotal k C.
Proof.
  intros k C. unfold ftotal. rewrite fsum_swap. apply fsum_ext. intros l Hl.
  unfold fTP, fFP. rewrite <- (fsum_except k l (fun a => C a l) Hl). ring.
Qed.

Lemma fsupport_total : forall k C, fsum k (fun l => fTP C l + fFN k C l) = ftotal k C.
Proof.
  intros k C. unfold ftotal. apply fsum_ext. intros l Hl.
  unfold fTP, fFN. rewrite <- (fsum_except k l (fun b => C l b) Hl). ring.
Qed.

(** Proof idea: the double counting of [fp_fn_balance] never uses that entries
    are natural numbers: [sum FP + trace = N = sum FN + trace], so
    [sum FP = sum FN]; both micro denominators are [N], so micro [P = R =
    trace / N]; the count-form F1 is [2 trace / (N + N) = trace / N]. *)
Theorem field_weights_preserve_identity
  (* catalogue: sample-weights-preserve-identity, micro-f1-equals-accuracy (count form, any field) *) :
  forall k (C : fmatrix), ftotal k C <> zero -> one + one <> zero ->
  fsum k (fFP k C) = fsum k (fFN k C) /\
  fmicro_precision k C = fmicro_recall k C /\
  fmicro_recall k C = fmicro_f1 k C /\
  fmicro_f1 k C = faccuracy k C.
Proof.
  intros k C HN H2.
  assert (E1 := fpredicted_total k C). assert (E2 := fsupport_total k C).
  rewrite fsum_plus in E1, E2.
  unfold fmicro_precision, fmicro_recall, fmicro_f1, fmicro_fbeta, faccuracy.
  rewrite fpredicted_total, fsupport_total.
  change (fsum k (fTP C)) with (ftrace k C) in *.
  split; [| split; [reflexivity | split]].
  - transitivity (ftrace k C + fsum k (fFP k C) - ftrace k C); [ring |].
    rewrite E1, <- E2. ring.
  - field. repeat split; try apply fdouble_nonzero; assumption.
  - field. repeat split; try apply fdouble_nonzero; assumption.
Qed.

(** Proof idea: with [sum FP = sum FN] both micro denominators are [N], so the
    count form is [(1 + b^2) trace / (b^2 N + N) = trace / N]; the only
    division is by [(1 + b^2) N], not 0 when [N] is not and [1 + b^2] is not
    (for real [b], [1 + b^2 >= 1]: every real [beta], in particular every
    [beta > 0]). *)
Theorem field_micro_fbeta_equals_accuracy
  (* catalogue: micro-fbeta-equals-accuracy *) :
  forall (b : F) k (C : fmatrix), ftotal k C <> zero -> one + b * b <> zero ->
  fmicro_fbeta b k C = faccuracy k C.
Proof.
  intros b k C HN Hb. unfold fmicro_fbeta, faccuracy.
  rewrite fpredicted_total, fsupport_total.
  change (fsum k (fTP C)) with (ftrace k C).
  assert (b * b * ftotal k C + ftotal k C <> zero).
  { replace (b * b * ftotal k C + ftotal k C) with ((one + b * b) * ftotal k C) by ring.
    apply fmul_nonzero; assumption. }
  field. split; assumption.
Qed.

(** ** The two forms of F-beta *)

(** Proof idea: substitute [P = TP / (TP + FP)] and [R = TP / (TP + FN)] and
    multiply numerator and denominator by [(TP + FP) (TP + FN) / TP]. The
    hypotheses say that no denominator is 0; for real counts with [TP > 0]
    and a real [beta > 0] each is a sum of non-negative terms with a positive
    one (the catalogue's hypotheses [defined] and [beta-positive]). *)
Theorem field_fbeta_count_form_equals_harmonic_form
  (* catalogue: fbeta-count-form-equals-harmonic-form *) :
  forall (b tp fp fn : F),
  tp <> zero -> tp + fp <> zero -> tp + fn <> zero -> b * b * (tp + fn) + (tp + fp) <> zero ->
  let P := tp / (tp + fp) in
  let R := tp / (tp + fn) in
  (one + b * b) * tp / (b * b * (tp + fn) + (tp + fp)) = (one + b * b) * P * R / (b * b * P + R).
Proof.
  intros b tp fp fn Htp Hp Hr Hd P R. unfold P, R.
  assert (b * b * tp * (tp + fn) + tp * (tp + fp) <> zero).
  { replace (b * b * tp * (tp + fn) + tp * (tp + fp))
      with (tp * (b * b * (tp + fn) + (tp + fp))) by ring.
    apply fmul_nonzero; assumption. }
  field. repeat split; assumption.
Qed.

(** ** Binary MCC, informedness and markedness *)

(** The four cells of a two-class confusion matrix (label 1 positive):
    [tn = C[0][0]], [fp = C[0][1]], [fn = C[1][0]], [tp = C[1][1]], with
    entries in [F]. scikit-learn's multi-class formula
    [MCC = (c s - sum_l p_l t_l) / sqrt((s^2 - sum_l p_l^2) (s^2 - sum_l t_l^2))]
    at [k = 2], with [c = tn + tp], [s = N], predicted counts
    [p = (tn + fn, fp + tp)] and true counts [t = (tn + fp, fn + tp)]: *)
Definition mcc2_num (tp tn fp fn : F) : F :=
  let N := tp + tn + fp + fn in
  (tn + tp) * N - ((tn + fn) * (tn + fp) + (fp + tp) * (fn + tp)).

Definition mcc2_radicand (tp tn fp fn : F) : F :=
  let N := tp + tn + fp + fn in
  (N * N - ((tn + fn) * (tn + fn) + (fp + tp) * (fp + tp)))
  * (N * N - ((tn + fp) * (tn + fp) + (fn + tp) * (fn + tp))).

(** Informedness [TPR + TNR - 1] and markedness [PPV + NPV - 1]. *)
Definition informedness (tp tn fp fn : F) : F := tp / (tp + fn) + tn / (tn + fp) - one.
Definition markedness (tp tn fp fn : F) : F := tp / (tp + fp) + tn / (tn + fn) - one.

(** Proof idea: [MCC] needs a square root, which a field need not have; the
    theorem takes any [x] with [x * x] equal to the radicand and [x <> 0] (for
    real counts, [x = sqrt(radicand) > 0], the case where scikit-learn's
    denominator is not 0). The numerator is [2 (tp tn - fp fn)] and the
    radicand [4 (tp + fn) (tn + fp) (tp + fp) (tn + fn)], so
    [MCC^2 = (tp tn - fp fn)^2 / ((tp + fn) (tn + fp) (tp + fp) (tn + fn))],
    which is the product of [BM = (tp tn - fp fn) / ((tp + fn) (tn + fp))] and
    [MK = (tp tn - fp fn) / ((tp + fp) (tn + fn))]. Same sign: [BM] and [MK]
    are [MCC] times [x / (2 (tp + fn) (tn + fp))] and
    [x / (2 (tp + fp) (tn + fn))], which for real counts are quotients of
    positive numbers. *)
Theorem binary_mcc_squared_equals_informedness_times_markedness
  (* catalogue: binary-mcc-squared-equals-informedness-times-markedness *) :
  forall (tp tn fp fn x : F),
  tp + fn <> zero -> tn + fp <> zero -> tp + fp <> zero -> tn + fn <> zero -> one + one <> zero ->
  x * x = mcc2_radicand tp tn fp fn -> x <> zero ->
  let mcc := mcc2_num tp tn fp fn / x in
  mcc * mcc = informedness tp tn fp fn * markedness tp tn fp fn /\
  informedness tp tn fp fn = mcc * (x / ((one + one) * (tp + fn) * (tn + fp))) /\
  markedness tp tn fp fn = mcc * (x / ((one + one) * (tp + fp) * (tn + fn))).
Proof.
  intros tp tn fp fn x H1 H2 H3 H4 H5 Hx Hx0 mcc. unfold mcc, informedness, markedness.
  assert (Hrad : mcc2_radicand tp tn fp fn
                 = (one + one) * (one + one) * ((tp + fn) * (tn + fp) * ((tp + fp) * (tn + fn))))
    by (unfold mcc2_radicand; ring).
  assert (Hnum : mcc2_num tp tn fp fn = (one + one) * (tp * tn - fp * fn)) by (unfold mcc2_num; ring).
  rewrite Hnum.
  split; [| split; field; repeat split; assumption].
  transitivity ((one + one) * (one + one) * (tp * tn - fp * fn) * (tp * tn - fp * fn) / (x * x)).
  - field. exact Hx0.
  - rewrite Hx, Hrad. field. repeat split; try apply fmul_nonzero; assumption.
Qed.

(** ** Refuting an equality that involves a square root

    [binary-mcc-equals-kappa] and [binary-mcc-equals-informedness] fail, but
    MCC is irrational in general, so the counterexample is checked in every
    field of characteristic 0 (no sum [1 + ... + 1] is 0; the real numbers are
    one), for every square root [x] of the radicand: MCC [= num / x] with
    either sign of [x]. [fnat n] is [1 + ... + 1] ([n] times). *)
Fixpoint fnat (n : nat) : F :=
  match n with
  | O => zero
  | S n' => fnat n' + one
  end.

(** Cohen's kappa for two classes in the four cells, in count form as
    [Chance.kappa]: [(N trace - X) / (N^2 - X)] with
    [X = support_0 predicted_0 + support_1 predicted_1]. *)
Definition kappa2 (tp tn fp fn : F) : F :=
  let N := tp + tn + fp + fn in
  let X := (tn + fp) * (tn + fn) + (fn + tp) * (fp + tp) in
  (N * (tn + tp) - X) / (N * N - X).

(** If [num / x = a / b] with [x * x = rad], then [num^2 b^2 = rad a^2]. *)
Lemma square_root_equation : forall num x rad a b,
  x * x = rad -> x <> zero -> b <> zero -> num / x = a / b -> num * num * (b * b) = rad * (a * a).
Proof.
  intros num x rad a b Hx Hx0 Hb H. subst rad.
  assert (E : num * b = a * x).
  { transitivity (num / x * (x * b)); [field; exact Hx0 |]. rewrite H. field. exact Hb. }
  transitivity ((num * b) * (num * b)); [ring |]. rewrite E. ring.
Qed.

(** Three samples, all wrong ([fp = 2], [fn = 1], [tp = tn = 0]): the radicand
    is 16, so MCC [= -4 / 4 = -1] (or [+1] for the root [-4]); kappa
    [= (0 - 4) / (9 - 4) = -4/5]. If [num / x] were kappa, then
    [16 * 25 = 16 * 16], i.e. [144 = 0]. *)
Lemma contradiction_of : forall L R c, L = R -> c = L - R -> c <> zero -> False.
Proof. intros L R c H E Hc. apply Hc. rewrite E, H. ring. Qed.

(** The data facts (the claim's hypotheses hold for the dataset), by computation. *)
Ltac binary_data_facts :=
  split; [unfold single_label; repeat constructor; simpl; lia |];
  intros l Hl; do 3 (destruct l as [| l]; [vm_compute; split; lia |]); lia.

(** From [num / x = a / b], [x * x = rad] (radicand [fnat r]), [b = fnat nb]:
    [num^2 b^2 - rad a^2] is the non-zero constant [fnat c] (or its negative,
    with [flip]), a contradiction. *)
Ltac square_root_contradiction char0 r nb c flip :=
  let x := fresh "x" in let Hx := fresh "Hx" in let H := fresh "H" in
  let Hr := fresh "Hr" in let Hx0 := fresh "Hx0" in let Hb := fresh "Hb" in
  let E := fresh "E" in
  intros x Hx H;
  match type of Hx with _ = ?rad =>
    assert (Hr : rad = fnat (S r)) by (unfold mcc2_radicand; simpl; ring) end;
  assert (Hx0 : x <> zero)
    by (let Z := fresh "Z" in intro Z; subst x; apply (char0 r); rewrite <- Hr, <- Hx; ring);
  match type of H with ?num / _ = ?a / ?b =>
    assert (Hb : b <> zero)
      by (let Z := fresh "Z" in intro Z; apply (char0 nb); rewrite <- Z; simpl; ring);
    pose proof (square_root_equation num x _ a b Hx Hx0 Hb H) as E end;
  flip E;
  apply (contradiction_of _ _ (fnat (S c)) E);
  [unfold mcc2_num, mcc2_radicand; simpl; ring | apply char0].

(** The orientation of [num^2 b^2 = rad a^2] for [contradiction_of]: as it is, or swapped. *)
Ltac keep E := idtac.
Ltac flip_eq E := apply eq_sym in E.

(** Three samples, all wrong ([fp = 2], [fn = 1], [tp = tn = 0]): the radicand
    is 16, so MCC [= -4 / 4 = -1] (or [+1] for the root [-4]); kappa
    [= (0 - 4) / (9 - 4) = -4/5]. If [num / x] were kappa, then
    [16 * 25 = 16 * 16], i.e. [144 = 0]. *)
Theorem binary_mcc_equals_kappa_refuted
  (* refutes: binary-mcc-equals-kappa; y_true = [0, 0, 1]; y_pred = [1, 1, 0] *) :
  (forall n, fnat (S n) <> zero) ->
  let ds := [(0, 1); (0, 1); (1, 0)]%nat in
  let C := confusion ds in
  let tp := fnat (C 1 1)%nat in let tn := fnat (C 0 0)%nat in
  let fp := fnat (C 0 1)%nat in let fn := fnat (C 1 0)%nat in
  (single_label 2 ds /\ (forall l, l < 2 -> support 2 C l > 0 /\ TP C l + FP 2 C l > 0)%nat) /\
  forall x, x * x = mcc2_radicand tp tn fp fn -> mcc2_num tp tn fp fn / x <> kappa2 tp tn fp fn.
Proof.
  intros char0 ds C tp tn fp fn. subst ds C tp tn fp fn. split; [binary_data_facts |].
  unfold kappa2. square_root_contradiction char0 15%nat 4%nat 143%nat keep.
Qed.

(** [tp = 2], [tn = 1], [fn = 1], [fp = 0]: radicand [4 * 3 * 1 * 2 * 2 = 48],
    MCC [= 4 / sqrt 48 = 1 / sqrt 3]; informedness [= 2/3 + 1 - 1 = 2/3].
    If [num / x] were [2/3], then [16 * 9 = 48 * 4], i.e. [48 = 0]. *)
Theorem binary_mcc_equals_informedness_refuted
  (* refutes: binary-mcc-equals-informedness; y_true = [0, 1, 1, 1]; y_pred = [0, 0, 1, 1] *) :
  (forall n, fnat (S n) <> zero) ->
  let ds := [(0, 0); (1, 0); (1, 1); (1, 1)]%nat in
  let C := confusion ds in
  let tp := fnat (C 1 1)%nat in let tn := fnat (C 0 0)%nat in
  let fp := fnat (C 0 1)%nat in let fn := fnat (C 1 0)%nat in
  (single_label 2 ds /\ (forall l, l < 2 -> support 2 C l > 0 /\ TP C l + FP 2 C l > 0)%nat) /\
  forall x, x * x = mcc2_radicand tp tn fp fn -> mcc2_num tp tn fp fn / x <> informedness tp tn fp fn.
Proof.
  intros char0 ds C tp tn fp fn. subst ds C tp tn fp fn. split; [binary_data_facts |].
  assert (Hi : informedness (fnat (confusion [(0, 0); (1, 0); (1, 1); (1, 1)]%nat 1 1))
                 (fnat (confusion [(0, 0); (1, 0); (1, 1); (1, 1)]%nat 0 0))
                 (fnat (confusion [(0, 0); (1, 0); (1, 1); (1, 1)]%nat 0 1))
                 (fnat (confusion [(0, 0); (1, 0); (1, 1); (1, 1)]%nat 1 0))
               = fnat 2 / fnat 3).
  { unfold informedness. simpl.
    assert (H3 := char0 2%nat). assert (H1 := char0 0%nat). simpl in H3, H1.
    field. split; intro Z; [apply H3 | apply H1]; rewrite <- Z at 2; ring. }
  rewrite Hi. square_root_contradiction char0 47%nat 2%nat 47%nat flip_eq.
Qed.

(** ** Weighted recall and precision for every real zero-division value

    Integer counts (a matrix over [nat], as in [MicroAveraging.v]) and a
    zero-division value [z] in [F] (the catalogue lets [z] be any real number
    in [0, 1]). The counts enter [F] through [fnat]; the field must have
    characteristic 0 so that a non-zero count is a non-zero element. *)
Definition fratio_or (z : F) (n d : nat) : F := if (d =? 0)%nat then z else fnat n / fnat d.

Definition fweighted_recall (z : F) (k : nat) (C : matrix) : F :=
  let W := sum_to k (support k C) in
  if (W =? 0)%nat then zero
  else fsum k (fun l => fnat (support k C l) * fratio_or z (TP C l) (support k C l)) / fnat W.

Definition fprediction_weighted_precision (z : F) (k : nat) (C : matrix) : F :=
  let W := sum_to k (fun l => TP C l + FP k C l)%nat in
  if (W =? 0)%nat then zero
  else fsum k (fun l => fnat (TP C l + FP k C l) * fratio_or z (TP C l) (TP C l + FP k C l)) / fnat W.

Definition faccuracy_counts (k : nat) (C : matrix) : F :=
  if (total k C =? 0)%nat then zero else fnat (trace k C) / fnat (total k C).

Lemma fnat_add : forall m n, fnat (m + n) = fnat m + fnat n.
Proof. intros m n. induction n as [| n IH]; simpl; [rewrite Nat.add_0_r; ring |].
  rewrite Nat.add_succ_r. simpl. rewrite IH. ring. Qed.

Lemma fsum_fnat : forall k f, fsum k (fun l => fnat (f l)) = fnat (sum_to k f).
Proof. induction k as [| k IH]; intro f; simpl; [reflexivity | rewrite IH, fnat_add; reflexivity]. Qed.

(** [d * (n / d) = n], and [0 * z = 0 = n] when [d = 0] forces [n = 0]. *)
Lemma fnat_mul_ratio_or : forall z n d, (forall m, fnat (S m) <> zero) -> ((d = 0 -> n = 0)%nat) ->
  fnat d * fratio_or z n d = fnat n.
Proof.
  intros z n d char0 H. unfold fratio_or. destruct (Nat.eqb_spec d 0) as [E | E].
  - rewrite H by exact E. subst d. simpl. ring.
  - destruct d as [| d]; [lia |]. field. apply char0.
Qed.

(** Proof idea: as [weighted_recall_equals_accuracy]: each term
    [support_l * recall_l] is [TP_l] (a label without support contributes
    [0 * z = 0], whatever [z] is), the terms add up to the trace and the
    weights to [N]. *)
Theorem field_weighted_recall_equals_accuracy
  (* catalogue: weighted-recall-equals-accuracy *) :
  (forall m, fnat (S m) <> zero) ->
  forall (z : F) k (C : matrix), fweighted_recall z k C = faccuracy_counts k C.
Proof.
  intros char0 z k C. unfold fweighted_recall, faccuracy_counts. cbv zeta.
  pose proof (MicroAveraging.support_total k C) as HW. rewrite HW.
  destruct (Nat.eqb_spec (total k C) 0); [reflexivity |].
  rewrite (fsum_ext k _ (fun l => fnat (TP C l))).
  - rewrite fsum_fnat. reflexivity.
  - intros l _. apply fnat_mul_ratio_or; [exact char0 |]. unfold support, TP. lia.
Qed.

Theorem field_prediction_weighted_precision_equals_accuracy
  (* catalogue: prediction-weighted-precision-equals-accuracy *) :
  (forall m, fnat (S m) <> zero) ->
  forall (z : F) k (C : matrix), fprediction_weighted_precision z k C = faccuracy_counts k C.
Proof.
  intros char0 z k C. unfold fprediction_weighted_precision, faccuracy_counts. cbv zeta.
  rewrite MicroAveraging.predicted_total.
  destruct (Nat.eqb_spec (total k C) 0); [reflexivity |].
  rewrite (fsum_ext k _ (fun l => fnat (TP C l))).
  - rewrite fsum_fnat. reflexivity.
  - intros l _. apply fnat_mul_ratio_or; [exact char0 | lia].
Qed.

End AnyField.

(** ** What the theorems rest on

    The main theorems of this file in one term. [Print Assumptions] of it must
    print "Closed under the global context": no axiom, no admitted lemma, no
    section hypothesis. Every dependency of each member is a dependency of the
    tuple, so the answer holds for each theorem (one walk over the
    dependencies instead of one per theorem: each walk costs about a second). *)
Definition any_field_theorems :=
  (field_weights_preserve_identity,
   field_micro_fbeta_equals_accuracy,
   field_fbeta_count_form_equals_harmonic_form,
   binary_mcc_squared_equals_informedness_times_markedness,
   binary_mcc_equals_kappa_refuted,
   binary_mcc_equals_informedness_refuted,
   field_weighted_recall_equals_accuracy,
   field_prediction_weighted_precision_equals_accuracy).
Print Assumptions any_field_theorems.
