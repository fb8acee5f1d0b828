(** * Label sets, Jaccard, one-vs-rest, balanced accuracy, macro F1, multi-label

    Main theorems (catalogue ids of DESIGN.md section 3 in brackets), each for
    every class count [k]:
    - [micro_superset_labels_equals_accuracy]   [micro-superset-labels-equals-accuracy]
    - [micro_jaccard_from_accuracy]             [micro-jaccard-from-accuracy]
    - [binary_micro_equals_accuracy]            [binary-micro-equals-accuracy] (k = 2)
    - [ovr_accuracy_from_accuracy]              [ovr-accuracy-from-accuracy]
    - [balanced_accuracy_equals_macro_recall_over_true_labels]
                                                [balanced-accuracy-equals-macro-recall-over-true-labels]
    - [f1_of_averages_at_least_averaged_f1]     [f1-of-averages-at-least-averaged-f1]
    - [multilabel_micro_equal_iff_equal_totals] [multilabel-micro-equal-iff-equal-totals] *)

From Coq Require Import Arith Lia List QArith Lqa Morphisms.
From MetricProofs Require Import Sums Definitions MicroAveraging.
Local Open Scope nat_scope.

(** ** 1. Extra absent labels change nothing *)

(** A sum over [S] is the sum over all labels when every term outside [S] is 0. *)
Lemma sum_in_all : forall k s f,
  (forall l, l < k -> s l = false -> f l = 0) -> sum_in k s f = sum_to k f.
Proof.
  intros k s f H. unfold sum_in. apply sum_to_ext. intros l Hl.
  destruct (s l) eqn:E; [reflexivity | symmetry; apply H; assumption].
Qed.

(** Proof idea: a label outside [S] has [support_l = 0] and [TP_l + FP_l = 0],
    so it adds nothing to [sum_S TP], [sum_S (TP + FP)] or [sum_S (TP + FN)];
    the sums over [S] are the sums over all labels, which are [trace] and [N]
    (fp-fn-balance). Holds for every matrix, also when [N = 0] (all are 0). *)
Theorem micro_superset_labels_equals_accuracy
  (* catalogue: micro-superset-labels-equals-accuracy *) :
  forall k (s : nat -> bool) C,
  (forall l, l < k -> s l = false -> support k C l = 0 /\ TP C l + FP k C l = 0) ->
  (micro_precision_in k s C == accuracy k C /\ micro_recall_in k s C == accuracy k C)%Q.
Proof.
  intros k s C Habs.
  assert (Htp : sum_in k s (TP C) = trace k C).
  { rewrite sum_in_all; [reflexivity |]. intros l Hl Hs. destruct (Habs l Hl Hs).
    unfold support in *. lia. }
  assert (Hpred : sum_in k s (fun l => TP C l + FP k C l) = total k C).
  { rewrite sum_in_all; [apply predicted_total |]. intros l Hl Hs. apply (Habs l Hl Hs). }
  assert (Hsupp : sum_in k s (fun l => TP C l + FN k C l) = total k C).
  { rewrite sum_in_all.
    - pose proof (support_total k C) as H. unfold support in H. exact H.
    - intros l Hl Hs. destruct (Habs l Hl Hs) as [H _]. unfold support in H. exact H. }
  unfold micro_precision_in, micro_recall_in, accuracy.
  rewrite Htp, Hpred, Hsupp. split; reflexivity.
Qed.

(** ** Facts about [QN] *)

Local Open Scope Q_scope.

Lemma QN_nonneg : forall n, 0 <= QN n.
Proof. intro n. unfold QN. change 0 with (inject_Z 0). rewrite <- Zle_Qle. lia. Qed.

Lemma QN_pos : forall n, (n > 0)%nat -> 0 < QN n.
Proof. intros n H. unfold QN. change 0 with (inject_Z 0). rewrite <- Zlt_Qlt. lia. Qed.

Lemma QN_inj : forall m n, QN m == QN n -> m = n.
Proof. intros m n H. unfold QN in H. rewrite inject_Z_injective in H. lia. Qed.

Lemma QN_S : forall n, QN (S n) == QN n + 1.
Proof. intro n. replace (S n) with (n + 1)%nat by lia. apply QN_add. Qed.

Lemma QN_mul : forall m n, QN (m * n) == QN m * QN n.
Proof. intros m n. unfold QN. rewrite Nat2Z.inj_mul, inject_Z_mult. reflexivity. Qed.

Lemma QN_le : forall m n, (m <= n)%nat -> QN m <= QN n.
Proof. intros m n H. unfold QN. rewrite <- Zle_Qle. lia. Qed.

(** The balance in the form used below: with [a = sum FP], [N = a + trace] and
    [sum FN = a]. *)
Lemma balance_parts : forall k C,
  total k C = (sum_to k (FP k C) + trace k C)%nat /\ sum_to k (FN k C) = sum_to k (FP k C).
Proof. intros k C. destruct (fp_fn_balance k C) as (H1 & H2 & H3). lia. Qed.

(** ** 2. Micro Jaccard *)

(** Proof idea: [J = TP / (TP + FP + FN)] with [sum FP = sum FN = N - trace]
    is [trace / (2 N - trace)]; dividing numerator and denominator by [N] gives
    [acc / (2 - acc)]. [2 N - trace >= N > 0], so no denominator is 0. *)
Theorem micro_jaccard_from_accuracy (* catalogue: micro-jaccard-from-accuracy *) :
  forall k C, (total k C > 0)%nat -> micro_jaccard k C == accuracy k C / (2 - accuracy k C).
Proof.
  intros k C HN. destruct (balance_parts k C) as [Htot Hfn].
  unfold micro_jaccard, accuracy. rewrite Hfn. unfold trace in *. unfold TP.
  rewrite Htot in *.
  set (a := sum_to k (FP k C)) in *. set (t := sum_to k (fun l => C l l)) in *.
  rewrite !ratio_div by lia.
  rewrite !QN_add.
  assert (Ha := QN_nonneg a). assert (Ht := QN_nonneg t).
  assert (Hpos : 0 < QN a + QN t) by (rewrite <- QN_add; apply QN_pos; lia).
  field. split; lra.
Qed.

(** ** 3. Two classes *)

(** Proof idea: the case [k = 2] of the theorems for every [k]. *)
Theorem binary_micro_equals_accuracy (* catalogue: binary-micro-equals-accuracy *) :
  forall C, micro_precision 2 C == accuracy 2 C /\ micro_recall 2 C == accuracy 2 C /\
            micro_f1 2 C == accuracy 2 C.
Proof.
  intro C. rewrite <- micro_precision_equals_recall, micro_precision_equals_accuracy.
  split; [reflexivity |]. split; [reflexivity | apply micro_f1_equals_accuracy].
Qed.

(** ** 4. Mean one-vs-rest accuracy *)

Lemma sumQ_affine : forall k c d (f g : nat -> Q), ~ d == 0 ->
  sumQ k (fun l => (c - f l - g l) / d) == (QN k * c - sumQ k f - sumQ k g) / d.
Proof.
  induction k as [| k IH]; intros c d f g Hd; simpl.
  - unfold QN. simpl. field. exact Hd.
  - rewrite IH by exact Hd. rewrite QN_S. field. exact Hd.
Qed.

(** Proof idea: one-vs-rest accuracy of [l] is [(N - FP_l - FN_l) / N]; summed
    over the [k] labels it is [(k N - sum FP - sum FN) / N = (k N - 2 (N - trace)) / N]
    by fp-fn-balance; dividing by [k] gives [1 - 2 (1 - acc) / k]. *)
Theorem ovr_accuracy_from_accuracy (* catalogue: ovr-accuracy-from-accuracy *) :
  forall k C, (k > 0)%nat -> (total k C > 0)%nat ->
  macro k (ovr_accuracy k C) == 1 - 2 * (1 - accuracy k C) / QN k.
Proof.
  intros k C Hk HN. unfold macro, ovr_accuracy, accuracy.
  destruct (Nat.eqb_spec k 0) as [E | _]; [lia |].
  destruct (Nat.eqb_spec (total k C) 0) as [E | _]; [lia |].
  assert (HNq : ~ QN (total k C) == 0) by (rewrite QN_zero; lia).
  assert (Hkq : ~ QN k == 0) by (rewrite QN_zero; lia).
  rewrite (sumQ_affine k (QN (total k C)) (QN (total k C)) (fun l => QN (FP k C l))
             (fun l => QN (FN k C l)) HNq).
  rewrite !sumQ_QN, ratio_div by lia.
  destruct (balance_parts k C) as [Htot Hfn]. rewrite Hfn. rewrite Htot in *.
  rewrite !QN_add in *. field. split; assumption.
Qed.

(** ** 5. Balanced accuracy over the labels of y_true *)

Lemma macro_in_ext : forall k s s' f, (forall l, (l < k)%nat -> s l = s' l) ->
  macro_in k s f == macro_in k s' f.
Proof.
  intros k s s' f H. unfold macro_in, sum_in.
  rewrite (sum_to_ext k (fun l => if s l then 1 else 0)%nat (fun l => if s' l then 1 else 0)%nat)
    by (intros l Hl; rewrite H by exact Hl; reflexivity).
  destruct (_ =? 0)%nat; [reflexivity |].
  rewrite (sumQ_ext k (fun l => if s l then f l else 0) (fun l => if s' l then f l else 0))
    by (intros l Hl; rewrite H by exact Hl; reflexivity).
  reflexivity.
Qed.

(** Proof idea: balanced accuracy is, by definition, the mean recall over the
    labels with [support_l > 0]; macro recall over a label set [S] is the mean
    recall over [S]. When [S] is exactly the set of labels with
    [support_l > 0], the two means are over the same labels. *)
Theorem balanced_accuracy_equals_macro_recall_over_true_labels
  (* catalogue: balanced-accuracy-equals-macro-recall-over-true-labels *) :
  forall k (s : nat -> bool) C,
  (forall l, (l < k)%nat -> (s l = true <-> (support k C l > 0)%nat)) ->
  balanced_accuracy k C == macro_in k s (recall k C).
Proof.
  intros k s C H. unfold balanced_accuracy. apply macro_in_ext.
  intros l Hl. specialize (H l Hl). unfold occurs.
  destruct (Nat.ltb_spec 0 (support k C l)) as [Hp | Hp]; destruct (s l); try reflexivity.
  - symmetry. apply H. exact Hp.
  - assert (true = true) as T by reflexivity. apply H in T. lia.
Qed.

(** ** 6. F1 of the macro averages is at least macro F1 (Opitz & Burst) *)

(** [f1 p r = 2 p r / (p + r)] (0 when [p + r = 0]) respects [==]. *)
Add Morphism f1 with signature Qeq ==> Qeq ==> Qeq as f1_morphism.
Proof.
  intros p p' Hp r r' Hr. unfold f1.
  assert (E : Qeq_bool (p + r) 0 = Qeq_bool (p' + r') 0).
  { destruct (Qeq_bool (p + r) 0) eqn:A; destruct (Qeq_bool (p' + r') 0) eqn:B; try reflexivity.
    - apply Qeq_bool_iff in A. rewrite Hp, Hr in A. apply Qeq_bool_iff in A. congruence.
    - apply Qeq_bool_iff in B. rewrite <- Hp, <- Hr in B. apply Qeq_bool_iff in B. congruence. }
  rewrite E. destruct (Qeq_bool (p' + r') 0); [reflexivity |]. rewrite Hp, Hr. reflexivity.
Qed.

Lemma f1_nonzero : forall p r, ~ p + r == 0 -> f1 p r == 2 * p * r / (p + r).
Proof.
  intros p r H. unfold f1. destruct (Qeq_bool (p + r) 0) eqn:E; [| reflexivity].
  apply Qeq_bool_iff in E. contradiction.
Qed.

Lemma f1_zero : forall p r, 0 <= p -> 0 <= r -> p + r == 0 -> f1 p r == 0.
Proof.
  intros p r Hp Hr H. unfold f1. destruct (Qeq_bool (p + r) 0) eqn:E; [reflexivity |].
  apply Qeq_bool_neq in E. contradiction.
Qed.

Lemma f1_nonneg : forall p r, 0 <= p -> 0 <= r -> 0 <= f1 p r.
Proof.
  intros p r Hp Hr. destruct (Qeq_dec (p + r) 0) as [E | E].
  - rewrite f1_zero by assumption. lra.
  - rewrite f1_nonzero by exact E. apply Qle_shift_div_l; [lra |].
    assert (0 <= p * r) by (apply Qmult_le_0_compat; assumption). lra.
Qed.

Lemma Qsquare_nonneg' : forall x, 0 <= x * x.
Proof.
  intro x. destruct (Qlt_le_dec x 0) as [H | H].
  - setoid_replace (x * x) with ((- x) * (- x)) by ring.
    apply Qmult_le_0_compat; lra.
  - apply Qmult_le_0_compat; exact H.
Qed.

(** Superadditivity of the harmonic mean on the non-negative quadrant:
    [H(p1 + p2, r1 + r2) - H(p1, r1) - H(p2, r2)
       = 2 (p1 r2 - p2 r1)^2 / ((s1 + s2) s1 s2)] with [s_i = p_i + r_i]. *)
Lemma f1_superadditive : forall p1 r1 p2 r2, 0 <= p1 -> 0 <= r1 -> 0 <= p2 -> 0 <= r2 ->
  f1 p1 r1 + f1 p2 r2 <= f1 (p1 + p2) (r1 + r2).
Proof.
  intros p1 r1 p2 r2 H1 H2 H3 H4.
  destruct (Qeq_dec (p1 + r1) 0) as [E1 | E1].
  { assert (p1 == 0) as -> by lra. assert (r1 == 0) as -> by lra.
    rewrite (f1_zero 0 0) by lra. setoid_replace (0 + p2) with p2 by ring.
    setoid_replace (0 + r2) with r2 by ring. lra. }
  destruct (Qeq_dec (p2 + r2) 0) as [E2 | E2].
  { assert (p2 == 0) as -> by lra. assert (r2 == 0) as -> by lra.
    rewrite (f1_zero 0 0) by lra. setoid_replace (p1 + 0) with p1 by ring.
    setoid_replace (r1 + 0) with r1 by ring. lra. }
  assert (S1 : 0 < p1 + r1) by lra. assert (S2 : 0 < p2 + r2) by lra.
  rewrite !f1_nonzero by lra.
  set (D := (p1 + r1) * (p2 + r2) * (p1 + p2 + (r1 + r2))).
  assert (HD : 0 < D).
  { unfold D. apply Qmult_lt_0_compat; [apply Qmult_lt_0_compat |]; lra. }
  assert (Gap : 2 * (p1 + p2) * (r1 + r2) / (p1 + p2 + (r1 + r2))
                - (2 * p1 * r1 / (p1 + r1) + 2 * p2 * r2 / (p2 + r2))
                == 2 * ((p1 * r2 - p2 * r1) * (p1 * r2 - p2 * r1)) / D).
  { unfold D. field. repeat split; lra. }
  assert (0 <= 2 * ((p1 * r2 - p2 * r1) * (p1 * r2 - p2 * r1)) / D).
  { apply Qle_shift_div_l; [exact HD |].
    assert (0 <= (p1 * r2 - p2 * r1) * (p1 * r2 - p2 * r1)) by apply Qsquare_nonneg'. lra. }
  lra.
Qed.

(** Summed over the labels: [sum_l H(p_l, r_l) <= H(sum_l p_l, sum_l r_l)]. *)
Lemma f1_sum_superadditive : forall k (p r : nat -> Q),
  (forall l, (l < k)%nat -> 0 <= p l /\ 0 <= r l) ->
  sumQ k (fun l => f1 (p l) (r l)) <= f1 (sumQ k p) (sumQ k r).
Proof.
  induction k as [| k IH]; intros p r H; simpl.
  - rewrite (f1_zero 0 0) by lra. lra.
  - assert (Hp : forall j, (j <= k)%nat -> 0 <= sumQ j p /\ 0 <= sumQ j r).
    { induction j as [| j IHj]; intro Hj; simpl; [lra |].
      destruct (IHj ltac:(lia)). destruct (H j ltac:(lia)). lra. }
    destruct (Hp k (le_n k)). destruct (H k ltac:(lia)).
    apply Qle_trans with (f1 (sumQ k p) (sumQ k r) + f1 (p k) (r k)).
    + apply Qplus_le_compat; [apply IH; intros; apply H; lia | apply Qle_refl].
    + apply f1_superadditive; assumption.
Qed.

(** Homogeneity: [H(p / c, r / c) = H(p, r) / c] for [c > 0]. *)
Lemma f1_div : forall p r c, 0 <= p -> 0 <= r -> 0 < c -> f1 (p / c) (r / c) == f1 p r / c.
Proof.
  intros p r c Hp Hr Hc. destruct (Qeq_dec (p + r) 0) as [E | E].
  - assert (p == 0) as -> by lra. assert (r == 0) as -> by lra.
    setoid_replace (0 / c) with 0 by (field; lra).
    rewrite (f1_zero 0 0) by lra. field; lra.
  - assert (E' : ~ p / c + r / c == 0).
    { setoid_replace (p / c + r / c) with ((p + r) / c) by (field; lra). intro Z.
      apply E. setoid_replace (p + r) with ((p + r) / c * c) by (field; lra). rewrite Z. ring. }
    rewrite !f1_nonzero by assumption. field. split; lra.
Qed.

Lemma ratio_nonneg : forall n d, 0 <= ratio n d.
Proof.
  intros n d. unfold ratio. destruct (Nat.eqb_spec d 0) as [E | E]; [lra |].
  apply Qle_shift_div_l; [apply QN_pos; lia |]. rewrite Qmult_0_l. apply QN_nonneg.
Qed.

(** Per label, scikit-learn's count form [2 TP / (support + predicted)] is the
    harmonic mean of precision and recall when both are defined. *)
Lemma f1_label_harmonic : forall k C l, (support k C l > 0)%nat -> (TP C l + FP k C l > 0)%nat ->
  f1_label k C l == f1 (precision k C l) (recall k C l).
Proof.
  intros k C l Hs Hq. unfold f1_label, precision, recall.
  rewrite !ratio_div by lia.
  set (q := (TP C l + FP k C l)%nat). set (s := support k C l). set (t := TP C l).
  assert (Hsq : 0 < QN s) by (apply QN_pos; lia). assert (Hqq : 0 < QN q) by (apply QN_pos; lia).
  rewrite QN_mul, QN_add. change (QN 2) with 2.
  destruct (Qeq_dec (QN t) 0) as [Z | Z].
  - rewrite Z. rewrite (f1_zero (0 / QN q) (0 / QN s)).
    + field; lra.
    + apply Qle_shift_div_l; lra.
    + apply Qle_shift_div_l; lra.
    + field; lra.
  - assert (Ht : 0 < QN t) by (pose proof (QN_nonneg t); lra).
    assert (Hne : ~ QN t / QN q + QN t / QN s == 0).
    { assert (0 < QN t / QN q) by (apply Qlt_shift_div_l; lra).
      assert (0 < QN t / QN s) by (apply Qlt_shift_div_l; lra). lra. }
    assert (0 < QN t * QN s) by (apply Qmult_lt_0_compat; lra).
    assert (0 < QN t * QN q) by (apply Qmult_lt_0_compat; lra).
    rewrite f1_nonzero by exact Hne. field. repeat split; lra.
Qed.

(** Proof idea (Opitz & Burst, made mechanical): with every label true and
    predicted at least once, per-label F1 is the harmonic mean
    [H(p_l, r_l) = 2 p_l r_l / (p_l + r_l)] of precision and recall. [H] is
    superadditive on the non-negative quadrant (the gap is
    [2 (p1 r2 - p2 r1)^2 / ((s1 + s2) s1 s2) >= 0]), so by induction over the
    labels [sum_l H(p_l, r_l) <= H(sum_l p_l, sum_l r_l)]; [H] is homogeneous,
    so dividing by [k] gives [macro F1 <= H(macro P, macro R)]. *)
Theorem f1_of_averages_at_least_averaged_f1
  (* catalogue: f1-of-averages-at-least-averaged-f1 *) :
  forall k C,
  (forall l, (l < k)%nat -> (support k C l > 0)%nat /\ (TP C l + FP k C l > 0)%nat) ->
  macro_f1 k C <= f1_of_averages k C.
Proof.
  intros k C Hocc. unfold f1_of_averages, macro_f1, macro_precision, macro_recall, macro.
  destruct (Nat.eqb_spec k 0) as [E | E].
  - rewrite (f1_zero 0 0) by lra. lra.
  - assert (Hk : 0 < QN k) by (apply QN_pos; lia).
    rewrite (sumQ_ext k (f1_label k C) (fun l => f1 (precision k C l) (recall k C l)))
      by (intros l Hl; destruct (Hocc l Hl); apply f1_label_harmonic; assumption).
    assert (Hnn : forall l, (l < k)%nat -> 0 <= precision k C l /\ 0 <= recall k C l)
      by (intros; split; apply ratio_nonneg).
    assert (Hsum : forall j, 0 <= sumQ j (precision k C) /\ 0 <= sumQ j (recall k C)).
    { induction j as [| j IHj]; simpl; [lra |].
      pose proof (ratio_nonneg (TP C j) (TP C j + FP k C j)%nat).
      pose proof (ratio_nonneg (TP C j) (support k C j)).
      unfold precision, recall in *. split; lra. }
    destruct (Hsum k).
    rewrite f1_div by assumption.
    apply Qmult_le_compat_r.
    + apply f1_sum_superadditive. exact Hnn.
    + apply Qlt_le_weak. apply Qinv_lt_0_compat. exact Hk.
Qed.

(** ** 7. Multi-label: micro P = R exactly when the totals match *)

(** Proof idea: with [sum TP > 0], [TP / (TP + FP) = TP / (TP + FN)] iff the
    denominators are equal; they are the total numbers of predicted and of
    true labels. *)
Theorem multilabel_micro_equal_iff_equal_totals
  (* catalogue: multilabel-micro-equal-iff-equal-totals *) :
  forall k (tp fp fn : nat -> nat), (sum_to k tp > 0)%nat ->
  (micro_precision_free k tp fp == micro_recall_free k tp fn <->
   (sum_to k tp + sum_to k fp = sum_to k tp + sum_to k fn)%nat).
Proof.
  intros k tp fp fn Ht. unfold micro_precision_free, micro_recall_free.
  rewrite !ratio_div by lia.
  set (t := sum_to k tp). set (a := (t + sum_to k fp)%nat). set (b := (t + sum_to k fn)%nat).
  assert (Htq : 0 < QN t) by (apply QN_pos; lia).
  assert (Haq : 0 < QN a) by (apply QN_pos; unfold a; lia).
  assert (Hbq : 0 < QN b) by (apply QN_pos; unfold b; lia).
  split.
  - intro H. apply QN_inj.
    assert (H' : QN t / QN a * (QN a * QN b) == QN t / QN b * (QN a * QN b)) by (rewrite H; reflexivity).
    setoid_replace (QN t / QN a * (QN a * QN b)) with (QN t * QN b) in H' by (field; lra).
    setoid_replace (QN t / QN b * (QN a * QN b)) with (QN t * QN a) in H' by (field; lra).
    apply (Qmult_inj_l _ _ (QN t)); [lra |]. symmetry. exact H'.
  - intro H. unfold a, b in *. rewrite H. reflexivity.
Qed.

(** ** What the theorems rest on

    The main theorems of this file in one term. [Print Assumptions] of it must
    print "Closed under the global context": no axiom, no admitted lemma, no
    section hypothesis. Every dependency of each member is a dependency of the
    tuple, so the answer holds for each theorem (one walk over the
    dependencies instead of one per theorem: each walk costs about a second). *)
Definition averages_theorems :=
  (micro_superset_labels_equals_accuracy,
   micro_jaccard_from_accuracy,
   binary_micro_equals_accuracy,
   ovr_accuracy_from_accuracy,
   balanced_accuracy_equals_macro_recall_over_true_labels,
   f1_of_averages_at_least_averaged_f1,
   multilabel_micro_equal_iff_equal_totals).
Print Assumptions averages_theorems.
