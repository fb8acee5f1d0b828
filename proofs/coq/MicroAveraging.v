(** * Micro averaging over all labels equals accuracy, for every class count

    Main theorems (catalogue ids of DESIGN.md section 3 in brackets):
    - [fp_fn_balance]                        [fp-fn-balance], any matrix
    - [dataset_fp_fn_balance],
      [wdataset_fp_fn_balance]               [fp-fn-balance], any (weighted) dataset
    - [micro_precision_equals_recall]        [micro-precision-equals-recall]
    - [micro_precision_equals_accuracy],
      [micro_f1_equals_accuracy]             [micro-f1-equals-accuracy]
    - [micro_fbeta_equals_accuracy]          [micro-fbeta-equals-accuracy]
    - [weighted_recall_equals_accuracy]      [weighted-recall-equals-accuracy]
    - [prediction_weighted_precision_equals_accuracy]
                                             [prediction-weighted-precision-equals-accuracy]
    - [dataset_micro_equals_accuracy]        all of the above, read on samples
    - [wdataset_micro_equals_accuracy]       [sample-weights-preserve-identity] (nat weights)
    - [dataset_micro_superset_labels]        [micro-superset-labels-equals-accuracy]
                                             (label sets [0 .. k'-1])
    - [micro_metrics_symmetric]              [micro-metrics-symmetric]

    The number of classes [k] is universally quantified in every theorem. *)

From Coq Require Import Arith Lia List QArith Lqa.
From MetricProofs Require Import Sums Definitions.
Import ListNotations.
Local Open Scope nat_scope.

(** Case analysis on every [x =? y] in the goal. *)
Ltac case_eqb :=
  repeat match goal with
         | |- context [?x =? ?y] => destruct (Nat.eqb_spec x y)
         end; simpl; try lia.

(** ** 1. Row and column sums *)

(** Column [l] holds everything predicted as [l]: the correct ones ([TP_l])
    and the rest ([FP_l]). *)
Lemma column_sum : forall k C l,
  l < k -> sum_to k (fun a => C a l) = FP k C l + TP C l.
Proof.
  intros k C l Hl. unfold FP, TP.
  rewrite (sum_to_except k l (fun a => C a l) Hl). reflexivity.
Qed.

(** Row [l] holds everything truly [l]: [TP_l] plus [FN_l], i.e. [support_l]. *)
Lemma row_sum : forall k C l,
  l < k -> sum_to k (fun b => C l b) = FN k C l + TP C l.
Proof.
  intros k C l Hl. unfold FN, TP.
  rewrite (sum_to_except k l (fun b => C l b) Hl). reflexivity.
Qed.

(** ** 2. [fp-fn-balance] for any confusion matrix *)

(** Proof idea (double counting). Every off-diagonal cell [C a b] with
    [a <> b] is an error: a sample of true label [a] predicted as [b]. It is
    counted once as a false positive (of the predicted label [b], in column
    [b]) and once as a false negative (of the true label [a], in row [a]).
    So summing [FP] over the labels adds up all off-diagonal cells
    column by column, summing [FN] adds up the same cells row by row, and
    both totals are [N - trace]. Formally: [sum_l (FP_l + TP_l)] is the sum of
    all column sums, [sum_l (FN_l + TP_l)] the sum of all row sums, and both
    are [N] (exchange of a finite double sum). *)
Theorem fp_fn_balance (* catalogue: fp-fn-balance *) : forall k C,
  sum_to k (FP k C) + trace k C = total k C /\
  sum_to k (FN k C) + trace k C = total k C /\
  sum_to k (FP k C) = sum_to k (FN k C).
Proof.
  intros k C.
  assert (HFP : sum_to k (FP k C) + trace k C = total k C).
  { unfold trace, total. rewrite <- sum_to_plus. rewrite sum_to_swap.
    apply sum_to_ext. intros l Hl. rewrite column_sum by exact Hl. reflexivity. }
  assert (HFN : sum_to k (FN k C) + trace k C = total k C).
  { unfold trace, total. rewrite <- sum_to_plus.
    apply sum_to_ext. intros l Hl. rewrite row_sum by exact Hl. reflexivity. }
  repeat split; lia.
Qed.

(** The same statement with natural-number subtraction, as in the catalogue:
    [sum FP = sum FN = N - trace]. *)
Corollary fp_fn_balance_sub : forall k C,
  sum_to k (FP k C) = total k C - trace k C /\
  sum_to k (FN k C) = total k C - trace k C.
Proof. intros k C. destruct (fp_fn_balance k C) as (H1 & H2 & _). lia. Qed.

(** Micro denominators: [sum_l (TP_l + FP_l) = sum_l (TP_l + FN_l) = N]. *)
Lemma predicted_total : forall k C,
  sum_to k (fun l => TP C l + FP k C l) = total k C.
Proof.
  intros k C. rewrite sum_to_plus. destruct (fp_fn_balance k C) as (H & _).
  unfold trace, TP in *. lia.
Qed.

Lemma support_total : forall k C, sum_to k (support k C) = total k C.
Proof.
  intros k C. unfold support. rewrite sum_to_plus.
  destruct (fp_fn_balance k C) as (_ & H & _). unfold trace, TP in *. lia.
Qed.

(** ** 3. [fp-fn-balance] for datasets, by induction over samples *)

(** One sample [(t, p, w)] alone has this confusion matrix: [w] in cell
    [(t, p)] and 0 elsewhere. *)
Definition cell (t p w : nat) : matrix :=
  fun a b => if (t =? a) && (p =? b) then w else 0.

Lemma wconfusion_cons : forall t p w rest a b,
  wconfusion ((t, p, w) :: rest) a b = cell t p w a b + wconfusion rest a b.
Proof. reflexivity. Qed.

(** Every count is additive in the matrix: if [C = C1 + C2] entrywise, then
    [FP], [FN], [trace] and [N] of [C] are the sums of those of [C1] and [C2]. *)
Definition matrix_sum (C C1 C2 : matrix) : Prop := forall a b, C a b = C1 a b + C2 a b.

Lemma FP_add : forall k C C1 C2 l, matrix_sum C C1 C2 ->
  FP k C l = FP k C1 l + FP k C2 l.
Proof.
  intros k C C1 C2 l Hsum. unfold FP. rewrite <- sum_to_plus. apply sum_to_ext.
  intros a _. rewrite Hsum. destruct (a =? l); lia.
Qed.

Lemma FN_add : forall k C C1 C2 l, matrix_sum C C1 C2 ->
  FN k C l = FN k C1 l + FN k C2 l.
Proof.
  intros k C C1 C2 l Hsum. unfold FN. rewrite <- sum_to_plus. apply sum_to_ext.
  intros b _. rewrite Hsum. destruct (b =? l); lia.
Qed.

Lemma trace_add : forall k C C1 C2, matrix_sum C C1 C2 ->
  trace k C = trace k C1 + trace k C2.
Proof.
  intros k C C1 C2 Hsum. unfold trace. rewrite <- sum_to_plus.
  apply sum_to_ext. intros; apply Hsum.
Qed.

Lemma total_add : forall k C C1 C2, matrix_sum C C1 C2 ->
  total k C = total k C1 + total k C2.
Proof.
  intros k C C1 C2 Hsum. unfold total. rewrite <- sum_to_plus. apply sum_to_ext.
  intros a _. rewrite <- sum_to_plus. apply sum_to_ext. intros; apply Hsum.
Qed.

(** The seed argument, for one sample of true label [t] and predicted label
    [p] (both below [k]): if [t <> p] it is a false positive of exactly one
    label, [p], and a false negative of exactly one label, [t]; if [t = p] it
    is neither. *)
Lemma one_sample_FP : forall k t p w l,
  t < k -> FP k (cell t p w) l = if (l =? p) && negb (t =? p) then w else 0.
Proof.
  intros k t p w l Ht. unfold FP, cell.
  rewrite (sum_to_ext k _ (fun a => if a =? t then
             (if (l =? p) && negb (t =? p) then w else 0) else 0)).
  - apply sum_to_single. exact Ht.
  - intros a _. case_eqb.
Qed.

Lemma one_sample_FN : forall k t p w l,
  p < k -> FN k (cell t p w) l = if (l =? t) && negb (t =? p) then w else 0.
Proof.
  intros k t p w l Hp. unfold FN, cell.
  rewrite (sum_to_ext k _ (fun b => if b =? p then
             (if (l =? t) && negb (t =? p) then w else 0) else 0)).
  - apply sum_to_single. exact Hp.
  - intros b _. case_eqb.
Qed.

(** Summed over the labels, one sample contributes [w] false positives and
    [w] false negatives if it is an error, none if it is correct. *)
Lemma one_sample_sum_FP : forall k t p w,
  t < k -> p < k -> sum_to k (FP k (cell t p w)) = if t =? p then 0 else w.
Proof.
  intros k t p w Ht Hp.
  rewrite (sum_to_ext k _ (fun l => if l =? p then (if t =? p then 0 else w) else 0)).
  - apply sum_to_single. exact Hp.
  - intros l _. rewrite one_sample_FP by exact Ht. case_eqb.
Qed.

Lemma one_sample_sum_FN : forall k t p w,
  t < k -> p < k -> sum_to k (FN k (cell t p w)) = if t =? p then 0 else w.
Proof.
  intros k t p w Ht Hp.
  rewrite (sum_to_ext k _ (fun l => if l =? t then (if t =? p then 0 else w) else 0)).
  - apply sum_to_single. exact Ht.
  - intros l _. rewrite one_sample_FN by exact Hp. case_eqb.
Qed.

(** One sample adds its weight to exactly one cell: to [N] always, to the
    trace iff it is correct. *)
Lemma one_sample_total : forall k t p w,
  t < k -> p < k -> total k (cell t p w) = w.
Proof.
  intros k t p w Ht Hp. unfold total, cell.
  rewrite (sum_to_ext k _ (fun a => if a =? t then w else 0)).
  - apply sum_to_single. exact Ht.
  - intros a _.
    rewrite (sum_to_ext k _ (fun b => if b =? p then (if t =? a then w else 0) else 0)).
    + rewrite sum_to_single by exact Hp. case_eqb.
    + intros b _. case_eqb.
Qed.

Lemma one_sample_trace : forall k t p w,
  t < k -> trace k (cell t p w) = if t =? p then w else 0.
Proof.
  intros k t p w Ht. unfold trace, cell.
  rewrite (sum_to_ext k _ (fun l => if l =? t then (if t =? p then w else 0) else 0)).
  - apply sum_to_single. exact Ht.
  - intros l _. case_eqb.
Qed.

(** Proof idea: induction over the samples. The empty dataset has the zero
    matrix. Adding a sample [(t, p, w)] adds [w] to the single cell [(t, p)];
    every count is additive in the matrix, and by the one-sample lemmas that
    cell adds [w] to [N], [w] to the trace if [t = p], and otherwise [w] to
    [sum FP] (as a false positive of [p]) and [w] to [sum FN] (as a false
    negative of [t]). The single-label hypothesis ([t, p < k]) is what makes
    the sample land in the matrix at all. *)
Theorem wdataset_fp_fn_balance (* catalogue: fp-fn-balance (weighted samples) *) :
  forall k ds, wsingle_label k ds ->
  sum_to k (FP k (wconfusion ds)) = werrors ds /\
  sum_to k (FN k (wconfusion ds)) = werrors ds /\
  trace k (wconfusion ds) = wcorrect ds /\
  total k (wconfusion ds) = wtotal ds.
Proof.
  intros k ds Hds. induction Hds as [| s rest Hs _ IH].
  - unfold FP, FN, trace, total. simpl.
    repeat split; repeat (apply sum_to_zero_ext; intros); case_eqb.
  - destruct s as [[t p] w]. destruct Hs as [Ht Hp]. simpl in Ht, Hp.
    destruct IH as (IHFP & IHFN & IHtr & IHtot).
    assert (Hc : matrix_sum (wconfusion ((t, p, w) :: rest)) (cell t p w) (wconfusion rest))
      by (intros a b; apply wconfusion_cons).
    simpl werrors. simpl wcorrect. simpl wtotal.
    rewrite (sum_to_ext k (FP k _) (fun l => FP k (cell t p w) l + FP k (wconfusion rest) l))
      by (intros; apply FP_add; exact Hc).
    rewrite (sum_to_ext k (FN k _) (fun l => FN k (cell t p w) l + FN k (wconfusion rest) l))
      by (intros; apply FN_add; exact Hc).
    rewrite (trace_add k _ _ _ Hc), (total_add k _ _ _ Hc).
    rewrite !sum_to_plus, one_sample_sum_FP, one_sample_sum_FN,
      one_sample_trace, one_sample_total by assumption.
    repeat split; lia.
Qed.

(** Unweighted samples are samples of weight 1. *)
Definition unit_weights (ds : list sample) : list wsample :=
  map (fun s => (fst s, snd s, 1)) ds.

Lemma confusion_unit_weights : forall ds a b,
  confusion ds a b = wconfusion (unit_weights ds) a b.
Proof. induction ds as [| [t p] rest IH]; intros a b; simpl; [reflexivity | rewrite IH; reflexivity]. Qed.

Lemma counts_unit_weights : forall ds,
  errors ds = werrors (unit_weights ds) /\ correct ds = wcorrect (unit_weights ds) /\
  length ds = wtotal (unit_weights ds).
Proof.
  induction ds as [| [t p] rest IH]; simpl; [auto |].
  destruct IH as (H1 & H2 & H3). rewrite H1, H2, H3. auto.
Qed.

Lemma single_label_unit_weights : forall k ds,
  single_label k ds -> wsingle_label k (unit_weights ds).
Proof.
  intros k ds H. unfold wsingle_label, unit_weights. apply Forall_map.
  eapply Forall_impl; [| exact H]. intros s Hs. exact Hs.
Qed.

(** Matrices with the same entries have the same counts. *)
Lemma same_entries_same_counts : forall k (C C' : matrix),
  (forall a b, C a b = C' a b) ->
  sum_to k (FP k C) = sum_to k (FP k C') /\ sum_to k (FN k C) = sum_to k (FN k C') /\
  trace k C = trace k C' /\ total k C = total k C'.
Proof.
  intros k C C' H. unfold FP, FN, trace, total.
  repeat split; repeat (apply sum_to_ext; intros); rewrite ?H; reflexivity.
Qed.

(** Proof idea: as [wdataset_fp_fn_balance] with every weight 1: each sample
    adds 1 to exactly one cell, so [sum FP = sum FN = #errors] and
    [N = #samples], [trace = #correct]. *)
Theorem dataset_fp_fn_balance (* catalogue: fp-fn-balance (samples) *) :
  forall k ds, single_label k ds ->
  sum_to k (FP k (confusion ds)) = errors ds /\
  sum_to k (FN k (confusion ds)) = errors ds /\
  trace k (confusion ds) = correct ds /\
  total k (confusion ds) = length ds.
Proof.
  intros k ds Hds.
  destruct (wdataset_fp_fn_balance k _ (single_label_unit_weights k ds Hds))
    as (H1 & H2 & H3 & H4).
  destruct (counts_unit_weights ds) as (E1 & E2 & E3).
  destruct (same_entries_same_counts k (confusion ds) (wconfusion (unit_weights ds))
             (confusion_unit_weights ds)) as (S1 & S2 & S3 & S4).
  repeat split; lia.
Qed.

(** ** 4. Micro precision = micro recall = accuracy, over [Q] *)

Local Open Scope Q_scope.

Lemma QN_zero : forall n, QN n == 0 <-> n = 0%nat.
Proof.
  intro n. unfold QN. change 0 with (inject_Z 0). rewrite inject_Z_injective. lia.
Qed.

Lemma QN_add : forall m n, QN (m + n) == QN m + QN n.
Proof. intros m n. unfold QN. rewrite Nat2Z.inj_add, inject_Z_plus. reflexivity. Qed.

(** With [N > 0] the fractions are plain divisions (no zero-division case). *)
Lemma ratio_div : forall n d, (d > 0)%nat -> ratio n d = QN n / QN d.
Proof.
  intros n d Hd. unfold ratio. destruct (Nat.eqb_spec d 0); [lia | reflexivity].
Qed.

(** Proof idea: by [fp_fn_balance] the two micro denominators
    [sum (TP + FP)] and [sum (TP + FN)] are the same natural number [N],
    and the numerators are literally the same, so the fractions are equal,
    as elements of [Q] (syntactically equal, not only [==]), for every
    matrix, including [N = 0] where both are 0. *)
Theorem micro_precision_equals_recall (* catalogue: micro-precision-equals-recall *) :
  forall k C, micro_precision k C = micro_recall k C.
Proof.
  intros k C. unfold micro_precision, micro_recall.
  rewrite predicted_total. unfold support.
  pose proof (support_total k C) as H. unfold support in H. rewrite H. reflexivity.
Qed.

(** The same, cross-multiplied over [nat] (no division at all). *)
Corollary micro_precision_equals_recall_nat : forall k C,
  (sum_to k (TP C) * sum_to k (fun l => TP C l + FN k C l) =
   sum_to k (TP C) * sum_to k (fun l => TP C l + FP k C l))%nat.
Proof.
  intros k C. rewrite predicted_total.
  pose proof (support_total k C) as H. unfold support in H. rewrite H. reflexivity.
Qed.

(** The same, as plain fractions in [Q] when [N > 0] (the catalogue's
    hypothesis; Coq's [x / 0 = 0] would make it hold without it, too). *)
Corollary micro_precision_equals_recall_Q : forall k C, (total k C > 0)%nat ->
  QN (sum_to k (TP C)) / QN (sum_to k (fun l => TP C l + FP k C l)%nat)
  == QN (sum_to k (TP C)) / QN (sum_to k (fun l => TP C l + FN k C l)%nat).
Proof.
  intros k C _. rewrite predicted_total.
  pose proof (support_total k C) as H. unfold support in H. rewrite H. reflexivity.
Qed.

(** Proof idea: the numerator [sum_l TP_l] is by definition the trace, and the
    denominator [sum_l (TP_l + FP_l)] is [N] by [fp_fn_balance]. *)
Theorem micro_precision_equals_accuracy (* catalogue: micro-f1-equals-accuracy (P = accuracy) *) :
  forall k C, micro_precision k C = accuracy k C.
Proof.
  intros k C. unfold micro_precision, accuracy. rewrite predicted_total. reflexivity.
Qed.

(** [P = accuracy = trace / N] as a plain fraction when [N > 0]. *)
Corollary micro_precision_trace_over_N : forall k C, (total k C > 0)%nat ->
  QN (sum_to k (TP C)) / QN (sum_to k (fun l => TP C l + FP k C l)%nat)
  == QN (trace k C) / QN (total k C).
Proof. intros k C _. rewrite predicted_total. reflexivity. Qed.

(** [F_beta(a, a) = a] whenever [beta^2 >= 0]: the harmonic-type mean of a
    number with itself is that number. *)
Lemma f_beta_diag : forall beta a, f_beta beta a a == a.
Proof.
  intros beta a. unfold f_beta.
  assert (Hb : 0 <= beta * beta) by nra.
  destruct (Qeq_bool (beta * beta * a + a) 0) eqn:E.
  - apply Qeq_bool_iff in E.
    assert (Ha : a == 0).
    { setoid_replace (beta * beta * a + a) with ((1 + beta * beta) * a) in E by ring.
      apply Qmult_integral in E. destruct E as [E | E]; [lra | exact E]. }
    rewrite Ha. reflexivity.
  - assert (Hne : ~ beta * beta * a + a == 0).
    { intro H. apply Qeq_bool_iff in H. congruence. }
    field. exact Hne.
Qed.

Lemma f1_diag : forall a, f1 a a == a.
Proof.
  intro a. unfold f1.
  destruct (Qeq_bool (a + a) 0) eqn:E.
  - apply Qeq_bool_iff in E. lra.
  - assert (Hne : ~ a + a == 0).
    { intro H. apply Qeq_bool_iff in H. congruence. }
    field. exact Hne.
Qed.

(** Proof idea: [P = R] (previous theorem), and [2 P P / (P + P) = P] when
    [P <> 0]; when [P = 0], [F1] is 0 by its zero-division rule. With
    [P = accuracy] this gives [F1 = accuracy], for every matrix. *)
Theorem micro_f1_equals_accuracy (* catalogue: micro-f1-equals-accuracy *) :
  forall k C, micro_f1 k C == accuracy k C.
Proof.
  intros k C. unfold micro_f1.
  rewrite <- micro_precision_equals_recall, micro_precision_equals_accuracy.
  apply f1_diag.
Qed.

(** Proof idea: as for [F1]; [(1 + b^2) P P / (b^2 P + P) = P] when
    [P <> 0], for every rational [b] (so every rational [beta > 0]; every real
    [beta]: [field_micro_fbeta_equals_accuracy] in [AnyField.v]). *)
Theorem micro_fbeta_equals_accuracy (* catalogue: micro-fbeta-equals-accuracy (rational beta) *) :
  forall beta k C, micro_fbeta beta k C == accuracy k C.
Proof.
  intros beta k C. unfold micro_fbeta.
  rewrite <- micro_precision_equals_recall, micro_precision_equals_accuracy.
  apply f_beta_diag.
Qed.

(** ** 5. Support-weighted recall = accuracy *)

Lemma sumQ_ext : forall k f g,
  (forall i, (i < k)%nat -> f i == g i) -> sumQ k f == sumQ k g.
Proof.
  induction k as [| k IH]; intros f g H; simpl; [reflexivity |].
  rewrite (IH f g) by (intros; apply H; lia). rewrite (H k) by lia. reflexivity.
Qed.

Lemma sumQ_QN : forall k f, sumQ k (fun i => QN (f i)) == QN (sum_to k f).
Proof.
  induction k as [| k IH]; intro f; simpl; [reflexivity |].
  rewrite IH, QN_add. reflexivity.
Qed.

(** [d * (n / d) = n], also when [d = 0] provided [n = 0] then too, whatever
    the zero-division value [z] (it is multiplied by [d = 0]). *)
Lemma QN_mul_ratio_or : forall z n d, (d = 0 -> n = 0)%nat -> QN d * ratio_or z n d == QN n.
Proof.
  intros z n d H. unfold ratio_or. destruct (Nat.eqb_spec d 0) as [E | E].
  - rewrite H by exact E. subst d. unfold QN. simpl. ring.
  - field. rewrite QN_zero. exact E.
Qed.

(** [sum_l support_l * recall_l = trace]: each term is [TP_l] (when
    [support_l = 0], [TP_l = 0] too, since [TP_l <= support_l]). *)
Lemma support_times_recall_sum : forall z k C,
  sumQ k (fun l => QN (support k C l) * recall_or z k C l) == QN (trace k C).
Proof.
  intros z k C. unfold trace.
  rewrite <- sumQ_QN. apply sumQ_ext. intros l _.
  unfold recall_or. apply QN_mul_ratio_or. unfold support, TP. lia.
Qed.

(** Proof idea: [support_l * recall_l = TP_l], so the weighted sum of
    recalls is [sum_l TP_l = trace]; the total weight [sum_l support_l] is
    [N] by [fp_fn_balance]. So weighted recall [= trace / N =] accuracy, whatever
    recall [z] a label without support is given. *)
Theorem weighted_recall_equals_accuracy
  (* catalogue: weighted-recall-equals-accuracy (rational zero-division value) *) :
  forall z k C, weighted_recall z k C == accuracy k C.
Proof.
  intros z k C. unfold weighted_recall, accuracy, ratio. cbv zeta.
  rewrite support_total.
  destruct (Nat.eqb_spec (total k C) 0); [reflexivity |].
  rewrite support_times_recall_sum. reflexivity.
Qed.

(** The dual: [(TP_l + FP_l) * precision_l = TP_l], and [sum_l (TP_l + FP_l) = N]. *)
Theorem prediction_weighted_precision_equals_accuracy
  (* catalogue: prediction-weighted-precision-equals-accuracy (rational zero-division value) *) :
  forall z k C, prediction_weighted_precision z k C == accuracy k C.
Proof.
  intros z k C. unfold prediction_weighted_precision, accuracy, ratio. cbv zeta.
  rewrite predicted_total.
  destruct (Nat.eqb_spec (total k C) 0); [reflexivity |].
  rewrite (sumQ_ext k _ (fun l => QN (TP C l))).
  - rewrite sumQ_QN. reflexivity.
  - intros l _. unfold precision_or. apply QN_mul_ratio_or. lia.
Qed.

(** ** 6. Read on samples *)

(** Proof idea: instantiate the matrix theorems with the dataset's confusion
    matrix, and read [trace] and [N] on the samples with
    [dataset_fp_fn_balance]: for a non-empty single-label dataset, micro
    precision, micro recall, micro F1 and support-weighted recall all equal
    the fraction of correctly predicted samples. *)
Theorem dataset_micro_equals_accuracy
  (* catalogue: micro-precision-equals-recall, micro-f1-equals-accuracy,
     weighted-recall-equals-accuracy (samples) *) :
  forall k ds, single_label k ds -> (length ds > 0)%nat ->
  let C := confusion ds in
  let acc := QN (correct ds) / QN (length ds) in
  micro_precision k C == acc /\ micro_recall k C == acc /\
  micro_f1 k C == acc /\ (forall z, weighted_recall z k C == acc).
Proof.
  intros k ds Hds Hn C acc.
  destruct (dataset_fp_fn_balance k ds Hds) as (_ & _ & Htr & Htot).
  assert (Hacc : accuracy k C = acc).
  { unfold accuracy, acc, C. rewrite ratio_div by lia. rewrite Htr, Htot. reflexivity. }
  rewrite <- Hacc.
  rewrite <- micro_precision_equals_recall, micro_precision_equals_accuracy.
  split; [reflexivity |]. split; [reflexivity |].
  split; [apply micro_f1_equals_accuracy | intro z; apply weighted_recall_equals_accuracy].
Qed.

(** The same for weighted samples (natural weights, total weight > 0). *)
Theorem wdataset_micro_equals_accuracy
  (* catalogue: sample-weights-preserve-identity (natural weights) *) :
  forall k ds, wsingle_label k ds -> (wtotal ds > 0)%nat ->
  let C := wconfusion ds in
  let acc := QN (wcorrect ds) / QN (wtotal ds) in
  micro_precision k C == acc /\ micro_recall k C == acc /\
  micro_f1 k C == acc /\ (forall z, weighted_recall z k C == acc).
Proof.
  intros k ds Hds Hn C acc.
  destruct (wdataset_fp_fn_balance k ds Hds) as (_ & _ & Htr & Htot).
  assert (Hacc : accuracy k C = acc).
  { unfold accuracy, acc, C. rewrite ratio_div by lia. rewrite Htr, Htot. reflexivity. }
  rewrite <- Hacc.
  rewrite <- micro_precision_equals_recall, micro_precision_equals_accuracy.
  split; [reflexivity |]. split; [reflexivity |].
  split; [apply micro_f1_equals_accuracy | intro z; apply weighted_recall_equals_accuracy].
Qed.

(** Proof idea: a dataset whose labels are all below [k] has all its labels
    below any [k' >= k] too, so the previous theorem applies to the label set
    [0 .. k'-1]; labels that never occur add empty rows and columns. (This is
    the superset claim for label sets of the form [0 .. k'-1].) *)
Corollary dataset_micro_superset_labels
  (* catalogue: micro-superset-labels-equals-accuracy (label sets 0..k'-1) *) :
  forall k k' ds, single_label k ds -> (k <= k')%nat -> (length ds > 0)%nat ->
  let acc := QN (correct ds) / QN (length ds) in
  micro_precision k' (confusion ds) == acc /\ micro_recall k' (confusion ds) == acc.
Proof.
  intros k k' ds Hds Hk Hn acc.
  assert (Hds' : single_label k' ds).
  { eapply Forall_impl; [| exact Hds]. simpl. intros s [H1 H2]. lia. }
  destruct (dataset_micro_equals_accuracy k' ds Hds' Hn) as (HP & HR & _).
  split; assumption.
Qed.

(** Swapping true and predicted labels transposes the matrix. *)
Definition transpose (C : matrix) : matrix := fun a b => C b a.

(** Proof idea: micro P, R and F1 all equal [trace / N]; transposing keeps
    the diagonal (so the trace) and, by exchanging the double sum, [N]. *)
Theorem micro_metrics_symmetric (* catalogue: micro-metrics-symmetric *) :
  forall k C,
  micro_precision k (transpose C) = micro_precision k C /\
  micro_recall k (transpose C) = micro_recall k C /\
  micro_f1 k (transpose C) == micro_f1 k C.
Proof.
  intros k C.
  assert (HPacc : micro_precision k (transpose C) = micro_precision k C).
  { rewrite !micro_precision_equals_accuracy. unfold accuracy, trace, total, transpose.
    rewrite (sum_to_swap k k (fun b a => C a b)). reflexivity. }
  split; [exact HPacc |].
  rewrite <- !micro_precision_equals_recall. split; [exact HPacc |].
  unfold micro_f1. rewrite <- !micro_precision_equals_recall, HPacc. reflexivity.
Qed.

(** ** 7. The worked example of the seed note

    Labels A, B, C = 0, 1, 2; nine samples (true, pred). Five are correct,
    so every micro average is 5/9. *)
Example seed_example :
  let ds := [(0,0); (0,0); (0,1); (0,2); (1,0); (1,1); (2,1); (2,2); (2,2)]%nat in
  micro_precision 3 (confusion ds) == 5 # 9 /\ micro_recall 3 (confusion ds) == 5 # 9 /\
  micro_f1 3 (confusion ds) == 5 # 9.
Proof. vm_compute. repeat split; reflexivity. Qed.

(** ** What the theorems rest on

    The main theorems of this file in one term. [Print Assumptions] of it must
    print "Closed under the global context": no axiom, no admitted lemma, no
    section hypothesis. Every dependency of each member is a dependency of the
    tuple, so the answer holds for each theorem (one walk over the
    dependencies instead of one per theorem: each walk costs about a second). *)
Definition micro_averaging_theorems :=
  (fp_fn_balance,
   dataset_fp_fn_balance,
   wdataset_fp_fn_balance,
   micro_precision_equals_recall,
   micro_precision_equals_recall_nat,
   micro_precision_equals_recall_Q,
   micro_precision_equals_accuracy,
   micro_f1_equals_accuracy,
   micro_fbeta_equals_accuracy,
   weighted_recall_equals_accuracy,
   prediction_weighted_precision_equals_accuracy,
   dataset_micro_equals_accuracy,
   wdataset_micro_equals_accuracy,
   dataset_micro_superset_labels,
   micro_metrics_symmetric).
Print Assumptions micro_averaging_theorems.
